import "server-only";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { getRequestUser, type SessionUser } from "@/lib/auth/request-user";
import { isPixapiError, toAppError as pixapiToAppError } from "@/lib/pixapi";
import { isDraining, trackRequest } from "@/lib/lifecycle/state";
import { enforceRateLimit, enforceShareRateLimit, type RateLimitBucket } from "@/lib/rate-limit";
import { clientIpFrom } from "./client-ip";
import { checkPathParams } from "./path-params";
import { isDatabaseBusy } from "@/lib/db/errors";
import { zodToAppError } from "./zod-fields";

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
      return handler({ req, user, params: checkPathParams(await ctx.params) });
    });
}

/** A route without a session; `rateLimit: "share"` counts it per client IP with the public share links. */
export function publicRoute<P = Record<string, never>>(handler: Handlers<P>["public"], options: { rateLimit?: "share" } = {}) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> =>
    respond(async () => {
      if (options.rateLimit === "share") await enforceShareRateLimit({ ip: clientIpFrom(req.headers) });
      return handler({ req, params: checkPathParams(await ctx.params) });
    });
}

async function respond(run: () => Promise<Response>): Promise<Response> {
  // Shutting down: refuse new work at once (a proxy retries it on another instance); work
  // already running is counted, and shutdown waits for it.
  if (isDraining()) {
    const res = new AppError("service_unavailable", "This server is restarting. Please try again.", { retryAfter: 1 }).toResponse();
    res.headers.set("connection", "close");
    return res;
  }
  return trackRequest(async () => {
    try {
      return await run();
    } catch (error) {
      return errorResponse(error);
    }
  });
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return zodToAppError(error);
  if (isPixapiError(error)) return pixapiToAppError(error);
  // Overload, not a bug: the transaction was rolled back, so the client may simply retry.
  if (isDatabaseBusy(error)) return new AppError("service_unavailable", "The studio is busy. Please try again in a moment.", { retryAfter: 2 });
  console.error("[studio] unhandled error in route handler:", error);
  return new AppError("server_error", "Something went wrong on our side. Please try again.");
}

export function errorResponse(error: unknown): Response {
  return toAppError(error).toResponse();
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type NotAllowedHandler = ((req: Request) => Promise<Response>) & { methodNotAllowed: true };

/**
 * Handlers for the methods a route does not implement: 405 with the envelope and `Allow`
 * (Next's own 405 has no body). Every API route file destructures the ones it lacks:
 *   export const { PUT, PATCH, DELETE } = unsupportedMethods("GET, POST");
 * tests/security/methods.test.ts fails for a route file that forgets.
 */
export function unsupportedMethods(allow: string): Record<Method, NotAllowedHandler> {
  const handler = Object.assign(
    async (req: Request): Promise<Response> =>
      new AppError("method_not_allowed", `${req.method} is not supported here; use ${allow}.`, { headers: { allow } }).toResponse(),
    { methodNotAllowed: true as const },
  );
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}

/** JSON already serialized (by the database: lib/generations/list.ts), branded with what it parses to. */
export type JsonText<T> = string & { readonly __parsesTo?: T };

export function json(data: unknown, init: ResponseInit = {}): Response {
  return jsonText(JSON.stringify(data), init);
}

/** A JSON answer from text that is already JSON (the same headers as json()). */
export function jsonText(text: JsonText<unknown>, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(text, { ...init, headers });
}
