import "server-only";
import { getPrisma, queryJson } from "../client";
import { Prisma } from "../generated/client";

export interface RateLimitResult {
  allowed: boolean;
  /** Hits left in the current window after this one. */
  remaining: number;
  /** 0 when allowed; else seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

interface BucketRow {
  /** ISO text (JSON). */
  windowStart: string;
  count: number;
}

/**
 * Counts one hit against `key` in a fixed window of `windowMs` that starts at the key's
 * first hit. One INSERT ... ON CONFLICT DO UPDATE does the read, the window reset and
 * the increment under the row lock, so concurrent requests on any number of instances
 * never let more than `limit` hits through in a window. Hits past the limit still
 * count but never extend the window.
 */
export async function hitRateLimit({
  key,
  limit,
  windowMs,
  now = new Date(),
}: {
  key: string;
  limit: number;
  windowMs: number;
  now?: Date;
}): Promise<RateLimitResult> {
  const ms = Math.max(1, Math.round(windowMs));
  // Both SET expressions read the row as it was before this statement (PostgreSQL
  // semantics), so the reset test is the same for window_start and count.
  // Every submit's first statement, so past Prisma's engine (lib/db/client.ts queryJson).
  const [row] = await queryJson<BucketRow>(Prisma.sql`
    INSERT INTO rate_limit_buckets AS b (key, window_start, count)
    VALUES (${key}, ${now}::timestamptz, 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE
        WHEN b.window_start + make_interval(secs => ${ms}::integer / 1000.0) <= EXCLUDED.window_start
          THEN EXCLUDED.window_start ELSE b.window_start END,
      count = CASE
        WHEN b.window_start + make_interval(secs => ${ms}::integer / 1000.0) <= EXCLUDED.window_start
          THEN 1 ELSE b.count + 1 END
    RETURNING json_build_object('windowStart', window_start, 'count', count)::text`);
  if (!row) throw new Error("rate limit upsert returned no row");
  const count = Number(row.count);
  const allowed = count <= limit;
  const resetAt = new Date(row.windowStart).getTime() + ms;
  return {
    allowed,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
  };
}

/** Forgets a key, e.g. the per-account sign-in counter after a successful sign-in. */
export async function resetRateLimit({ key }: { key: string }): Promise<void> {
  await getPrisma().rateLimitBucket.deleteMany({ where: { key } });
}

/** Housekeeping: drops buckets whose window started before `before`. Returns the count. */
export async function pruneRateLimitBuckets({ before }: { before: Date }): Promise<number> {
  const { count } = await getPrisma().rateLimitBucket.deleteMany({ where: { windowStart: { lt: before } } });
  return count;
}
