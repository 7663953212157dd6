import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRateLimiter } from "./index";
import { limitKey } from "./keys";
import type { RateLimitResult } from "./types";

/**
 * The limits in front of password hashing (sign-up and sign-in), through the same
 * limiter as every other limit (database counters, or Redis with REDIS_URL).
 *
 * Sign-in is throttled per account+address pair (8 tries in 15 minutes: guessing one
 * password from one place), per address (RATE_LIMIT_SIGNINS_PER_IP: spraying many
 * accounts), and per account from everywhere only at a much higher count (100), so a
 * stranger cannot lock someone out by failing on purpose: the owner's own address keeps
 * its own pair counter.
 *
 * Keys are hashes: an address or email is user input of any length and content, and must
 * never become an index key as is.
 */
const FIFTEEN_MINUTES = 15 * 60_000;

export const AUTH_LIMITS = {
  signInPair: { limit: 8, windowMs: FIFTEEN_MINUTES },
  signInAccount: { limit: 100, windowMs: FIFTEEN_MINUTES },
  get signInIp() {
    return { limit: env().RATE_LIMIT_SIGNINS_PER_IP, windowMs: FIFTEEN_MINUTES };
  },
  get signUpIp() {
    return { limit: env().RATE_LIMIT_SIGNUPS_PER_HOUR, windowMs: 60 * 60_000 };
  },
};


async function hit(key: string, { limit, windowMs }: { limit: number; windowMs: number }): Promise<RateLimitResult> {
  const limiter = await getRateLimiter();
  try {
    return await limiter.hit({ key, limit, windowMs });
  } catch (error) {
    // Same policy as lib/rate-limit/index.ts: an unreachable Redis lets requests through.
    if (limiter.name !== "redis") throw error;
    console.error("[studio] rate limiter unavailable, letting the request through:", error instanceof Error ? error.message : error);
    return { allowed: true, remaining: limit, retryAfterSeconds: 0 };
  }
}

async function reset(key: string): Promise<void> {
  const limiter = await getRateLimiter();
  await limiter.reset?.(key).catch(() => undefined);
}

export class TooManySignInsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "TooManySignInsError";
  }
}

/** Counts one sign-in attempt; throws TooManySignInsError once any of the three is over. */
export async function countSignInAttempt({ email, ip }: { email: string; ip: string }): Promise<void> {
  const results = await Promise.all([
    hit(limitKey("signin:pair", email, ip), AUTH_LIMITS.signInPair),
    hit(limitKey("signin:acct", email), AUTH_LIMITS.signInAccount),
    hit(limitKey("signin:ip", ip), AUTH_LIMITS.signInIp),
  ]);
  const refused = results.filter((r) => !r.allowed);
  if (refused.length) throw new TooManySignInsError(Math.max(...refused.map((r) => r.retryAfterSeconds)));
}

/** After a successful sign-in the account's own counters start again. */
export async function clearSignInAttempts({ email, ip }: { email: string; ip: string }): Promise<void> {
  await Promise.all([reset(limitKey("signin:pair", email, ip)), reset(limitKey("signin:acct", email))]);
}

/** Counts one sign-up from `ip`; throws a 429 rate_limit_error once over RATE_LIMIT_SIGNUPS_PER_HOUR. */
export async function enforceSignUpLimit({ ip }: { ip: string }): Promise<void> {
  const limits = AUTH_LIMITS.signUpIp;
  if (limits.limit <= 0) return;
  const result = await hit(limitKey("signup:ip", ip), limits);
  if (!result.allowed) {
    throw new AppError("rate_limit_error", "Too many accounts created from this network. Try again later.", { retryAfter: result.retryAfterSeconds });
  }
}
