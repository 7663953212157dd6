import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Flattens zod issues to { "field.path": "message" }, first message per field. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The one turning of a zod error into the studio's 400: the first message leads, every field is listed. */
export function zodToAppError(error: z.ZodError, fallback = "Invalid request."): AppError {
  const fields = zodFields(error);
  return new AppError("invalid_request_error", Object.values(fields)[0] ?? fallback, { fields });
}

/**
 * Validates input that came from outside; a failure is a 400 AppError naming the fields, or
 * with `notFound` a 404 with that message (for path segments: an id that cannot exist is
 * answered like one that does not).
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, { fallback, notFound }: { fallback?: string; notFound?: string } = {}): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw notFound ? new AppError("not_found_error", notFound) : zodToAppError(parsed.error, fallback);
}
