import "server-only";
import { AppError } from "@/lib/errors";
import { isPixapiError, toAppError as pixapiToAppError } from "@/lib/pixapi";

/** What a failed generation records: the same plain words the user would get from a route. */
export function failureOf(error: unknown): { errorType: string; errorMessage: string } {
  if (isPixapiError(error)) {
    const app = pixapiToAppError(error);
    return { errorType: app.type, errorMessage: app.message };
  }
  if (error instanceof AppError) return { errorType: error.type, errorMessage: error.message };
  console.error("[studio] generation failed unexpectedly:", error);
  return { errorType: "server_error", errorMessage: "Something went wrong while generating. Your credits were not charged." };
}
