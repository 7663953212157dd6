import "server-only";
import type { RateLimiter, RateLimitResult } from "./types";

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Fixed-window counters in this process's memory: the same semantics as the database and
 * Redis limiters (a window starts at a key's first hit; hits past the limit count but never
 * extend it), with no I/O at all. Used for the read bucket, which every open tab polls: a
 * database write per poll cost more than the read itself. Per instance, so N instances let
 * a user read up to N × the limit; that is the point of a cheap read limit (stop a runaway
 * client), not an exact quota. Submits, which spend credits, stay on the shared limiter.
 */
export function createMemoryRateLimiter({ maxKeys = 100_000, now = () => Date.now() }: { maxKeys?: number; now?: () => number } = {}): RateLimiter & {
  size(): number;
  clear(): void;
} {
  const windows = new Map<string, Window>();
  let longestWindowMs = 0;
  let lastSweep = now();

  // Expired windows are dropped as time passes, so memory follows the number of users
  // active in the last window, not every user ever seen.
  function sweep(at: number): void {
    if (at - lastSweep < longestWindowMs && windows.size < maxKeys) return;
    lastSweep = at;
    for (const [key, w] of windows) {
      if (at - w.startedAt >= longestWindowMs) windows.delete(key);
    }
    // Still full (a flood of distinct keys within one window): forget the oldest keys.
    // Map iteration follows insertion order, and a key is re-inserted when its window restarts.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    name: "memory",
    async hit({ key, limit, windowMs }): Promise<RateLimitResult> {
      const ms = Math.max(1, Math.round(windowMs));
      const at = now();
      longestWindowMs = Math.max(longestWindowMs, ms);
      sweep(at);
      let w = windows.get(key);
      if (!w || at - w.startedAt >= ms) {
        windows.delete(key);
        w = { startedAt: at, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const allowed = w.count <= limit;
      return {
        allowed,
        remaining: Math.max(0, limit - w.count),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((w.startedAt + ms - at) / 1000)),
      };
    },
    size: () => windows.size,
    clear: () => windows.clear(),
  };
}
