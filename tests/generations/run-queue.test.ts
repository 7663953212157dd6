import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { recoverOrphans } from "@/lib/generations/recover";
import { restartRunQueueForTests, runQueueSize, stopRunQueue } from "@/lib/generations/run-queue";
import type { GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

/**
 * The bounded run queue (lib/generations/run-queue.ts): a burst of submits answers at once,
 * at most GENERATION_RUNS_AT_ONCE upstream calls run at a time, and every accepted
 * generation completes, including those still waiting when the process stops.
 */
forEachDatabase("generation run queue", (getDb) => {
  let studio: StudioHarness;
  let user: PublicUser;

  beforeAll(async () => {
    studio = await startStudioHarness({ env: { GENERATION_RUNS_AT_ONCE: "2" } });
    user = await studio.createUser();
  });
  afterAll(() => studio.close());
  afterEach(async () => {
    restartRunQueueForTests();
    await studio.emulator.control.clearFaults();
  });

  async function submit(prompt: string): Promise<string> {
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt, size: "1024x1024", quality: "low" } }), ctx());
    expect(res.status).toBe(202);
    return ((await res.json()) as { generation: GenerationView }).generation.id;
  }

  const rows = (ids: string[]) => getDb().prisma.generation.findMany({ where: { id: { in: ids } }, include: { usageEntry: true } });

  it("runs at most GENERATION_RUNS_AT_ONCE upstream calls at a time and completes every submit", async () => {
    const marker = `queue-bound-${Math.random()}`;
    await studio.emulator.control.addFault({ match: { prompt_contains: marker }, action: "latency", latency_ms: 300 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await submit(`${marker} ${i}`));
    // Every submit answered while the runs wait their turn.
    expect(runQueueSize()).toEqual({ waiting: 4, running: 2 });
    let maxRunning = 0;
    const watch = setInterval(() => {
      void getDb()
        .prisma.generation.count({ where: { id: { in: ids }, status: "running" } })
        .then((n) => (maxRunning = Math.max(maxRunning, n)));
    }, 20);
    await drainBackground();
    clearInterval(watch);
    expect(maxRunning).toBeGreaterThanOrEqual(1);
    expect(maxRunning).toBeLessThanOrEqual(2);
    const done = await rows(ids);
    expect(done.map((g) => g.status)).toEqual(Array(6).fill("completed"));
    expect(done.every((g) => g.usageEntry?.status === "settled")).toBe(true);
    expect(runQueueSize()).toEqual({ waiting: 0, running: 0 });
  });

  it("loses nothing at a stop: waiting runs stay queued with their hold, and the next start runs each once", async () => {
    const marker = `queue-restart-${Math.random()}`;
    await studio.emulator.control.addFault({ match: { prompt_contains: marker }, action: "latency", latency_ms: 200 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submit(`${marker} ${i}`));
    // Graceful shutdown: the two running calls finish, the three waiting ones are let go.
    expect(stopRunQueue()).toBe(3);
    await drainBackground();
    const afterStop = await rows(ids);
    expect(afterStop.filter((g) => g.status === "completed")).toHaveLength(2);
    const left = afterStop.filter((g) => g.status === "queued");
    expect(left).toHaveLength(3);
    expect(left.every((g) => g.usageEntry?.status === "held")).toBe(true);

    // The next start (here: the same process, queue taking work again) recovers them.
    restartRunQueueForTests();
    await recoverOrphans({ now: new Date(Date.now() + 60_000) });
    await drainBackground();
    const after = await rows(ids);
    expect(after.map((g) => g.status)).toEqual(Array(5).fill("completed"));
    // Settled once each: one ledger row per generation, settled.
    expect(after.every((g) => g.usageEntry?.status === "settled")).toBe(true);
    expect(await getDb().prisma.usageEntry.count({ where: { generationId: { in: ids } } })).toBe(5);
  });

  it("a recovery pass does not queue twice what this instance is already about to run", async () => {
    const marker = `queue-dedupe-${Math.random()}`;
    await studio.emulator.control.addFault({ match: { prompt_contains: marker }, action: "latency", latency_ms: 200 });
    const calls = async () => (await studio.emulator.control.stats()).routes["POST /v1/images/generations"] ?? 0;
    const before = await calls();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await submit(`${marker} ${i}`));
    // Late enough that the waiting rows count as old queued ones, early enough that the
    // running calls' leases still hold.
    await recoverOrphans({ now: new Date(Date.now() + 35_000) });
    expect(runQueueSize()).toEqual({ waiting: 2, running: 2 });
    await drainBackground();
    expect((await rows(ids)).map((g) => g.status)).toEqual(Array(4).fill("completed"));
    // One upstream call per generation.
    expect((await calls()) - before).toBe(4);
  });
});

describe("run queue setting", () => {
  it("is bounded", async () => {
    const { envSchema } = await import("@/lib/env");
    const field = envSchema.shape.GENERATION_RUNS_AT_ONCE;
    expect(field.parse(undefined)).toBe(4);
    expect(field.parse("3")).toBe(3);
    expect(field.safeParse("0").success).toBe(false);
    expect(field.safeParse("65").success).toBe(false);
  });
});
