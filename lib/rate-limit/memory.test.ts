import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "./memory";

describe("in-memory read limiter", () => {
  it("lets exactly `limit` hits through per key and window, then says when the window ends", async () => {
    let t = 1_000_000;
    const limiter = createMemoryRateLimiter({ now: () => t });
    const hit = (key: string) => limiter.hit({ key, limit: 3, windowMs: 60_000 });
    expect(await hit("a")).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    await hit("a");
    expect(await hit("a")).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    t += 20_500;
    expect(await hit("a")).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 40 });
    // Another key (another user) has its own window.
    expect((await hit("b")).allowed).toBe(true);
    // Hits past the limit do not extend the window: it ends 60 s after the first hit.
    t += 39_500;
    expect(await hit("a")).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
  });

  it("forgets expired windows and stays within maxKeys under a flood of keys", async () => {
    let t = 0;
    const limiter = createMemoryRateLimiter({ maxKeys: 100, now: () => t });
    for (let i = 0; i < 1000; i++) await limiter.hit({ key: `k${i}`, limit: 1, windowMs: 1000 });
    expect(limiter.size()).toBeLessThanOrEqual(100);
    t += 1001;
    await limiter.hit({ key: "fresh", limit: 1, windowMs: 1000 });
    expect(limiter.size()).toBe(1);
  });
});
