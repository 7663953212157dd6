import "server-only";
import { hitRateLimit, pruneRateLimitBuckets, resetRateLimit } from "@/lib/db/queries/rate-limit";
import type { RateLimiter } from "./types";

/**
 * Counters in the studio's own database: one atomic upsert per hit, shared by every
 * instance. Old counters are pruned as we go (at most once a minute per instance), so
 * the table holds only live windows however many addresses or accounts come by.
 */
const PRUNE_EVERY_MS = 60_000;
/** The longest window any limit uses (sign-ups: one hour), with room to spare. */
const LONGEST_WINDOW_MS = 2 * 60 * 60_000;

let lastPrune = 0;

function pruneNow(now = Date.now()): void {
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  pruneRateLimitBuckets({ before: new Date(now - LONGEST_WINDOW_MS) }).catch((error: unknown) => {
    console.error("[studio] pruning rate-limit counters failed:", error instanceof Error ? error.message : error);
  });
}

export const databaseRateLimiter: RateLimiter = {
  name: "database",
  hit: async ({ key, limit, windowMs }) => {
    if (windowMs > LONGEST_WINDOW_MS) throw new Error(`rate-limit window ${windowMs} ms is longer than the pruning horizon`);
    const result = await hitRateLimit({ key, limit, windowMs });
    pruneNow();
    return result;
  },
  reset: (key) => resetRateLimit({ key }),
};
