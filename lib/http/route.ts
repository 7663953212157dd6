import "server-only";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { getRequestUser, type SessionUser } from "@/lib/auth/request-user";
import { isPixapiError, toAppError as pixapiToAppError } from "@/lib/pixapi/errors";
import { enforceRateLimit, type RateLimitBucket } from "@/lib/rate-limit";
import { zodFields } from "./zod-fields";

type RouteContext<P> = { params: Promise<P> };

interface Handlers<P> {
  authed: (args: { req: Request; user: SessionUser; params: P }) => Promise<Response>;
  public: (args: { req: Request; params: P }) => Promise<Response>;
}

/**
 * The one wrapper every route handler goes through: it resolves params, checks the
 * session (unless the route is public), optionally the admin role and a per-user rate
 * limit (lib/rate-limit), and maps every thrown error to the envelope.
 * Handlers then read parse → load → ownership → act, with no guard code of their own.
 */
export function authedRoute<P = Record<string, never>>(
  handler: Handlers<P>["authed"],
  options: { rateLimit?: RateLimitBucket; adminOnly?: boolean } = {},
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> =>
    respond(async () => {
      const user = await getRequestUser(req);
      if (!user) throw new AppError("authentication_error", "Sign in to continue.");
      if (options.adminOnly && user.role !== "admin") throw new AppError("permission_error", "Only administrators can do this.");
      if (options.rateLimit) await enforceRateLimit({ userId: user.id, bucket: options.rateLimit });
      return handler({ req, user, params: await ctx.params });
    });
}

export function publicRoute<P = Record<string, never>>(handler: Handlers<P>["public"]) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> =>
    respond(async () => handler({ req, params: await ctx.params }));
}

async function respond(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fields = zodFields(error);
    return new AppError("invalid_request_error", Object.values(fields)[0] ?? "Invalid request.", { fields });
  }
  if (isPixapiError(error)) return pixapiToAppError(error);
  console.error("[studio] unhandled error in route handler:", error);
  return new AppError("server_error", "Something went wrong on our side. Please try again.");
}

export function errorResponse(error: unknown): Response {
  return toAppError(error).toResponse();
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
}
