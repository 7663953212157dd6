import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST, GET as LIST } from "@/app/api/generations/route";
import { GET } from "@/app/api/generations/[id]/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { resetEnvCache } from "@/lib/env";
import { connectRedis, createRedisRateLimiter } from "@/lib/rate-limit/redis";
import { getRateLimiter, setRateLimiterForTests } from "@/lib/rate-limit";
import type { GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";
import { missingDependency } from "../support/require-dependency";

type Envelope = { error: { type: string; message: string; retry_after?: number } };
const IMAGE = { kind: "image", model: "gemini-2.5-flash-image", prompt: "rate limited", size: "1024x1024" };

function expect429(res: Response, body: Envelope) {
  expect(res.status).toBe(429);
  expect(body.error.type).toBe("rate_limit_error");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(body.error.retry_after).toBe(retryAfter);
  // The forms show this message as is: it must say when to try again.
  expect(body.error.message).toMatch(/Try again in (a second|\d+ seconds)\.$/);
}

forEachDatabase("per-user rate limits (database counters)", () => {
  let studio: StudioHarness;
  let alice: PublicUser;
  let bob: PublicUser;

  beforeAll(async () => {
    studio = await startStudioHarness({ env: { RATE_LIMIT_SUBMITS_PER_MINUTE: "2", RATE_LIMIT_READS_PER_MINUTE: "3" } });
    setRateLimiterForTests(undefined);
    alice = await studio.createUser();
    bob = await studio.createUser();
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });

  const submit = async (user: PublicUser) => POST(await studio.request(user, "/api/generations", { method: "POST", json: IMAGE }), ctx());

  it("answers the submit past the limit with 429, Retry-After and the wait in words, per user", async () => {
    expect((await submit(alice)).status).toBe(202);
    const second = await submit(alice);
    expect(second.status).toBe(202);
    const { generation } = (await second.json()) as { generation: GenerationView };
    const third = await submit(alice);
    expect429(third, (await third.json()) as Envelope);
    // Bob has his own bucket; reads have theirs.
    expect((await submit(bob)).status).toBe(202);
    const read = await GET(await studio.request(alice, `/api/generations/${generation.id}`), ctx({ id: generation.id }));
    expect(read.status).toBe(200);
  });

  it("limits status reads (list and detail share one bucket)", async () => {
    const carol = await studio.createUser();
    const ok = [await LIST(await studio.request(carol, "/api/generations"), ctx()), await LIST(await studio.request(carol, "/api/generations"), ctx())];
    expect(ok.map((r) => r.status)).toEqual([200, 200]);
    const detail = await GET(await studio.request(carol, "/api/generations/nope"), ctx({ id: "nope" }));
    expect(detail.status).toBe(404);
    const over = await GET(await studio.request(carol, "/api/generations/nope"), ctx({ id: "nope" }));
    expect429(over, (await over.json()) as Envelope);
    const list = await LIST(await studio.request(carol, "/api/generations"), ctx());
    expect(list.status).toBe(429);
  });

  it("counts nothing for requests without a session", async () => {
    const res = await POST(await studio.request(null, "/api/generations", { method: "POST", json: IMAGE }), ctx());
    expect(res.status).toBe(401);
  });
});

// ---- Redis ----------------------------------------------------------------------------

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  const probe = await connectRedis(url);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await probe.ping()) === "PONG") break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await probe.quit();
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

// redis-server comes from `apt-get install redis-server` (.ci/run installs it).
describe.skipIf(missingDependency("redis-server", hasRedis, "apt-get install redis-server"))("Redis rate limiter (real redis-server)", () => {
  let redis: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    const limiter = (await getRateLimiter()) as { close?: () => Promise<void> };
    await limiter.close?.();
    setRateLimiterForTests(undefined);
    await redis?.stop();
  });

  it("lets exactly `limit` hits through across several instances hitting at once, then resets with the window", async () => {
    // Three clients: three studio instances sharing one Redis.
    const instances = await Promise.all([0, 1, 2].map(async () => createRedisRateLimiter(await connectRedis(redis.url))));
    try {
      const key = `race-${Date.now()}`;
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => instances[i % 3]!.hit({ key, limit: 10, windowMs: 1500 })));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      const refused = results.filter((r) => !r.allowed);
      expect(refused).toHaveLength(50);
      for (const r of refused) {
        expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(r.retryAfterSeconds).toBeLessThanOrEqual(2);
        expect(r.remaining).toBe(0);
      }
      await new Promise((r) => setTimeout(r, 1600));
      expect(await instances[0]!.hit({ key, limit: 10, windowMs: 1500 })).toEqual({ allowed: true, remaining: 9, retryAfterSeconds: 0 });
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
  });

  forEachDatabase("routes with REDIS_URL", () => {
    let studio: StudioHarness;
    beforeAll(async () => {
      studio = await startStudioHarness({ env: { RATE_LIMIT_SUBMITS_PER_MINUTE: "1", REDIS_URL: redis.url } });
      resetEnvCache();
      setRateLimiterForTests(undefined);
    });
    afterAll(async () => {
      await drainBackground();
      delete process.env.REDIS_URL;
      resetEnvCache();
      await studio.close();
    });

    it("answers 429 from Redis counters, and nothing lands in the database table", async () => {
      const user = await studio.createUser();
      const submit = async () => POST(await studio.request(user, "/api/generations", { method: "POST", json: IMAGE }), ctx());
      expect((await submit()).status).toBe(202);
      const second = await submit();
      expect429(second, (await second.json()) as Envelope);
      const { getPrisma } = await import("@/lib/db/client");
      expect(await getPrisma().rateLimitBucket.count({ where: { key: { contains: user.id } } })).toBe(0);
    });
  });
});
