import { expect, it } from "vitest";
import { getPrisma, setPrismaForTests, type PrismaClient } from "@/lib/db/client";
import { forEachDatabase } from "@/tests/support/db";
import { hitRateLimit, pruneRateLimitBuckets, resetRateLimit } from "./rate-limit";

let seq = 0;
const uniqueKey = (tag: string) => `test:${tag}:${Date.now()}:${++seq}`;

forEachDatabase("rate limiter", (getDb) => {
  it("allows `limit` hits per window, then reports when to retry", async () => {
    const key = uniqueKey("limit");
    const now = new Date("2030-01-01T00:00:00.000Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit({ key, limit: 3, windowMs: 60_000, now }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[0]?.retryAfterSeconds).toBe(0);
    expect(results[3]?.retryAfterSeconds).toBe(60);
    const later = await hitRateLimit({ key, limit: 3, windowMs: 60_000, now: new Date(now.getTime() + 45_500) });
    expect(later).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 15 });
  });

  it("starts a new window once the old one has passed", async () => {
    const key = uniqueKey("window");
    const t0 = new Date("2030-01-01T00:00:00.000Z");
    await hitRateLimit({ key, limit: 1, windowMs: 1_000, now: t0 });
    expect((await hitRateLimit({ key, limit: 1, windowMs: 1_000, now: new Date(t0.getTime() + 999) })).allowed).toBe(false);
    const next = await hitRateLimit({ key, limit: 1, windowMs: 1_000, now: new Date(t0.getTime() + 1_000) });
    expect(next).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    const row = await getPrisma().rateLimitBucket.findUniqueOrThrow({ where: { key } });
    expect(row).toEqual({ key, windowStart: new Date(t0.getTime() + 1_000), count: 1 });
  });

  it("keeps keys apart and forgets a key on reset", async () => {
    const a = uniqueKey("a");
    const b = uniqueKey("b");
    expect((await hitRateLimit({ key: a, limit: 1, windowMs: 60_000 })).allowed).toBe(true);
    expect((await hitRateLimit({ key: a, limit: 1, windowMs: 60_000 })).allowed).toBe(false);
    expect((await hitRateLimit({ key: b, limit: 1, windowMs: 60_000 })).allowed).toBe(true);
    await resetRateLimit({ key: a });
    await resetRateLimit({ key: uniqueKey("never-used") });
    expect((await hitRateLimit({ key: a, limit: 1, windowMs: 60_000 })).allowed).toBe(true);
  });

  it("prunes buckets whose window started before a cutoff", async () => {
    const old = uniqueKey("old");
    const fresh = uniqueKey("fresh");
    await hitRateLimit({ key: old, limit: 5, windowMs: 1_000, now: new Date("2020-01-01T00:00:00Z") });
    await hitRateLimit({ key: fresh, limit: 5, windowMs: 1_000, now: new Date("2035-01-01T00:00:00Z") });
    expect(await pruneRateLimitBuckets({ before: new Date("2025-01-01T00:00:00Z") })).toBeGreaterThanOrEqual(1);
    const keys = (await getPrisma().rateLimitBucket.findMany({ where: { key: { in: [old, fresh] } } })).map((r) => r.key);
    expect(keys).toEqual([fresh]);
  });

  it("never lets more than `limit` concurrent hits through, even from several instances", async () => {
    const key = uniqueKey("race");
    const limit = 7;
    // On PostgreSQL these are separate pools (simulated app instances) racing for real.
    const instances = [getDb().openClient(), getDb().openClient(), getDb().openClient()];
    const attempts = 60;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        onClient(instances[i % instances.length] ?? getDb().prisma, getDb().prisma, () => hitRateLimit({ key, limit, windowMs: 60_000 })),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(limit);
    const row = await getPrisma().rateLimitBucket.findUniqueOrThrow({ where: { key } });
    expect(row.count).toBe(attempts);
  });
});

/**
 * getPrisma() is process-global. hitRateLimit() reads it synchronously, before its first
 * await, so pointing the hook at `client` just for the call routes that hit through it.
 */
function onClient<T>(client: PrismaClient, restore: PrismaClient, fn: () => Promise<T>): Promise<T> {
  setPrismaForTests(client);
  try {
    return fn();
  } finally {
    setPrismaForTests(restore);
  }
}
