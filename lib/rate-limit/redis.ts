import "server-only";
import type { Redis } from "ioredis";
import type { RateLimiter, RateLimitResult } from "./types";

/**
 * Fixed window in Redis: INCR the key, and on the window's first hit set its expiry, in
 * one Lua script so the two steps cannot be split by a crash or a concurrent hit (a key
 * left without an expiry would block its owner forever). Returns the count and the
 * milliseconds left in the window. Hits past the limit still count but never extend it.
 */
const FIXED_WINDOW = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

export function createRedisRateLimiter(client: Redis, { prefix = "studio:rl:" }: { prefix?: string } = {}): RateLimiter & { close(): Promise<void> } {
  return {
    name: "redis",
    async hit({ key, limit, windowMs }): Promise<RateLimitResult> {
      const ms = Math.max(1, Math.round(windowMs));
      const [count, ttl] = (await client.eval(FIXED_WINDOW, 1, `${prefix}${key}`, String(ms))) as [number, number];
      const allowed = count <= limit;
      return {
        allowed,
        remaining: Math.max(0, limit - count),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(ttl / 1000)),
      };
    },
    async reset(key) {
      await client.del(`${prefix}${key}`);
    },
    async close() {
      await client.quit();
    },
  };
}

/**
 * A client that gives up on a command quickly instead of holding the request while Redis
 * is unreachable (the caller then lets the request through; see lib/rate-limit/index.ts).
 */
export async function connectRedis(url: string): Promise<Redis> {
  const { Redis: RedisClient } = await import("ioredis");
  const client = new RedisClient(url, { maxRetriesPerRequest: 1, commandTimeout: 2000, connectTimeout: 5000 });
  let warned = false;
  client.on("error", (error: Error) => {
    if (!warned) console.error("[studio] Redis rate limiter:", error.message);
    warned = true;
  });
  client.on("ready", () => {
    warned = false;
  });
  return client;
}
