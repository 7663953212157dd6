import "server-only";
import { authenticateToken, type TokenCaller } from "@/lib/api-tokens/authenticate";
import { toAppError } from "@/lib/http/route";
import { enforceRateLimit, type RateLimitBucket } from "@/lib/rate-limit";
import { pixapiErrorResponse, toPixapiError } from "./errors";

type RouteContext<P> = { params: Promise<P> };

/**
 * The wrapper of every /v1 handler: a personal API token (never a cookie) identifies the
 * caller, the per-user rate-limit bucket is the same one the studio's UI counts against,
 * and every failure leaves in Pixapi's envelope and types.
 */
export function tokenRoute<P = Record<string, never>>(
  handler: (args: { req: Request; caller: TokenCaller; params: P }) => Promise<Response>,
  options: { rateLimit?: RateLimitBucket } = {},
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const caller = await authenticateToken(req);
      if (options.rateLimit) await enforceRateLimit({ userId: caller.user.id, bucket: options.rateLimit });
      return await handler({ req, caller, params: await ctx.params });
    } catch (error) {
      return pixapiErrorResponse(toPixapiError(toAppError(error)));
    }
  };
}

/** /v1 routes that need no token (signed file links), with the same error envelope. */
export function pixapiPublicRoute<P = Record<string, never>>(handler: (args: { req: Request; params: P }) => Promise<Response>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler({ req, params: await ctx.params });
    } catch (error) {
      return pixapiErrorResponse(toPixapiError(toAppError(error)));
    }
  };
}
