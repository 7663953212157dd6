import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatWait } from "@/lib/usage/format";
import { databaseRateLimiter } from "./database";
import { limitKey } from "./keys";
import { createMemoryRateLimiter } from "./memory";
import { connectRedis, createRedisRateLimiter } from "./redis";
import type { RateLimiter, RateLimitResult } from "./types";

export type { RateLimiter, RateLimitResult } from "./types";

/**
 * Per-user API limits. Two buckets:
 *   submit  POST /api/generations              RATE_LIMIT_SUBMITS_PER_MINUTE (default 10)
 *           exact across instances: counters in the database, or Redis when REDIS_URL is set.
 *   read    GET /api/generations[/id] (polls)  RATE_LIMIT_READS_PER_MINUTE (default 1200)
 *           per instance in memory (lib/rate-limit/memory.ts), or Redis when REDIS_URL is
 *           set: a poll must not cost a database write.
 * A limit of 0 switches that bucket off.
 */
export type RateLimitBucket = "submit" | "read";

const WINDOW_MS = 60_000;

const holder = globalThis as typeof globalThis & { __studioRateLimiter?: Promise<RateLimiter>; __studioReadLimiter?: RateLimiter; __studioRateLimiterOverride?: boolean };

export function getRateLimiter(): Promise<RateLimiter> {
  holder.__studioRateLimiter ??= (async () => {
    const url = env().REDIS_URL;
    return url ? createRedisRateLimiter(await connectRedis(url)) : databaseRateLimiter;
  })();
  return holder.__studioRateLimiter;
}

/** The read bucket's limiter: Redis when configured (shared), else this instance's memory. */
function getReadLimiter(): Promise<RateLimiter> {
  if (env().REDIS_URL || holder.__studioRateLimiterOverride) return getRateLimiter();
  holder.__studioReadLimiter ??= createMemoryRateLimiter();
  return Promise.resolve(holder.__studioReadLimiter);
}

/** Tests swap the limiter for every bucket (or reset to the env's choice, with fresh memory counters, with undefined). */
export function setRateLimiterForTests(limiter: RateLimiter | undefined): void {
  holder.__studioRateLimiter = limiter ? Promise.resolve(limiter) : undefined;
  holder.__studioRateLimiterOverride = Boolean(limiter);
  holder.__studioReadLimiter = undefined;
}

function limitFor(bucket: RateLimitBucket): number {
  return bucket === "submit" ? env().RATE_LIMIT_SUBMITS_PER_MINUTE : env().RATE_LIMIT_READS_PER_MINUTE;
}

const WHAT: Record<RateLimitBucket, string> = {
  submit: "You're starting generations faster than the studio allows",
  read: "Too many requests for generation status",
};

/** Counts one request of `userId` in `bucket`; throws a 429 rate_limit_error once over. */
export async function enforceRateLimit({ userId, bucket }: { userId: string; bucket: RateLimitBucket }): Promise<void> {
  const limiter = await (bucket === "read" ? getReadLimiter() : getRateLimiter());
  await countOrRefuse(limiter, { key: `user:${bucket}:${userId}`, limit: limitFor(bucket), what: WHAT[bucket] });
}

/**
 * Public share links (/s/<token>, its files and preview card), counted together per client
 * IP (lib/http/client-ip.ts), RATE_LIMIT_SHARES_PER_MINUTE. Anyone may open them, so this is
 * what stops one address from hammering the studio (or guessing tokens) through them. In
 * memory like the read bucket (a page view must not cost a database write), Redis when set.
 */
export async function enforceShareRateLimit({ ip }: { ip: string }): Promise<void> {
  await countOrRefuse(await getReadLimiter(), { key: limitKey("share:ip", ip), limit: env().RATE_LIMIT_SHARES_PER_MINUTE, what: "Too many requests for shared links from your network" });
}

async function countOrRefuse(limiter: RateLimiter, { key, limit, what }: { key: string; limit: number; what: string }): Promise<void> {
  if (limit <= 0) return;
  let result: RateLimitResult;
  try {
    result = await limiter.hit({ key, limit, windowMs: WINDOW_MS });
  } catch (error) {
    // Failing open: an unreachable Redis must not take the studio down. Budgets (the money)
    // are enforced in the database regardless.
    if (limiter.name === "redis") {
      console.error("[studio] rate limiter unavailable, letting the request through:", error instanceof Error ? error.message : error);
      return;
    }
    throw error;
  }
  if (!result.allowed) {
    throw new AppError("rate_limit_error", `${what} (${limit} a minute). Try again in ${formatWait(result.retryAfterSeconds)}.`, {
      retryAfter: result.retryAfterSeconds,
    });
  }
}
