import "server-only";
import { authenticateToken, recordTokenUse, type TokenCaller } from "@/lib/api-tokens/authenticate";
import { AppError } from "@/lib/errors";
import { checkPathParams } from "@/lib/http/path-params";
import { toAppError } from "@/lib/http/route";
import { enforceRateLimit, type RateLimitBucket } from "@/lib/rate-limit";
import { pixapiErrorResponse, toPixapiError } from "./errors";

type RouteContext<P> = { params: Promise<P> };

function failure(error: unknown): Response {
  return pixapiErrorResponse(toPixapiError(toAppError(error)));
}

/**
 * The wrapper of every /v1 handler: a personal API token (never a cookie) identifies the
 * caller, the per-user rate-limit bucket is the same one the studio's UI counts against,
 * path ids are checked like every other route's, and every failure leaves in Pixapi's
 * envelope and types. A token's "last used" moves only when a call succeeds, so a refused
 * request writes nothing.
 */
export function tokenRoute<P = Record<string, never>>(
  handler: (args: { req: Request; caller: TokenCaller; params: P }) => Promise<Response>,
  options: { rateLimit?: RateLimitBucket } = {},
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const caller = await authenticateToken(req);
      if (options.rateLimit) await enforceRateLimit({ userId: caller.user.id, bucket: options.rateLimit });
      const res = await handler({ req, caller, params: checkPathParams(await ctx.params) });
      if (res.ok) await recordTokenUse(caller);
      return res;
    } catch (error) {
      return failure(error);
    }
  };
}

/** /v1 routes that need no token (signed file links), with the same error envelope. */
export function pixapiPublicRoute<P = Record<string, never>>(handler: (args: { req: Request; params: P }) => Promise<Response>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler({ req, params: checkPathParams(await ctx.params) });
    } catch (error) {
      return failure(error);
    }
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type NotAllowedHandler = ((req: Request) => Promise<Response>) & { methodNotAllowed: true };

/** lib/http/route.ts's unsupportedMethods, answering in Pixapi's envelope (405 invalid_request_error + Allow). */
export function v1UnsupportedMethods(allow: string): Record<Method, NotAllowedHandler> {
  const handler = Object.assign(
    async (req: Request): Promise<Response> => failure(new AppError("method_not_allowed", `${req.method} is not supported here; use ${allow}.`, { headers: { allow } })),
    { methodNotAllowed: true as const },
  );
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
