import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { recoverOrphans } from "@/lib/generations/recover";
import { pollDueTasks } from "@/lib/generations/tracker";
import type { GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

/**
 * Issue 9, item 8: a sync call that runs long (plus its downloads) is not failed as
 * "interrupted" by another instance while its runner is alive. The runner renews a lease
 * on the row; recovery fails only rows whose lease expired. The lease is 4 s here (short, yet
 * long enough for a loaded machine's database stalls), so a 9 s call outlives it twice, as a slow call outlived the old fixed cutoff.
 */
const LEASE_MS = 4000;

forEachDatabase("runner lease heartbeat", (getDb) => {
  let studio: StudioHarness;
  let user: PublicUser;

  beforeAll(async () => {
    studio = await startStudioHarness({
      // The upstream timeout is far above the 9 s injected latency: the test is about the lease,
      // and on a loaded machine the harness's 10 s default left one second of margin.
      env: { TRACKER_LEASE_MS: String(LEASE_MS), PIXAPI_TIMEOUT_MS: "60000" },
    });
    user = await studio.createUser();
  });
  afterAll(() => studio.close());
  beforeEach(() => studio.emulator.control.clearFaults());

  const row = (id: string) => getDb().prisma.generation.findUniqueOrThrow({ where: { id }, include: { usageEntry: true } });

  it("keeps a slow sync call alive while another instance recovers orphans, then settles it once", async () => {
    const prompt = `slow call ${Math.random()}`;
    await studio.emulator.control.addFault({ match: { route: "POST /v1/images/generations", prompt_contains: prompt }, action: "latency", latency_ms: 9000 });
    const before = await studio.emulator.control.getBalance(studio.apiKey);
    const res = await POST(
      await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gemini-2.5-flash-image", prompt, size: "1024x1024" } }),
      ctx(),
    );
    const { generation } = (await res.json()) as { generation: GenerationView };
    expect(generation.mode).toBe("sync");

    // Another instance's recovery runs every 200 ms for as long as the call is in flight.
    const finished = drainBackground();
    let settled = false;
    void finished.then(() => (settled = true));
    let recoveries = 0;
    while (!settled && recoveries < 100) {
      await recoverOrphans();
      recoveries++;
      await new Promise((r) => setTimeout(r, 200));
    }
    await finished;
    const done = await row(generation.id);
    expect(done.errorMessage).toBeNull();
    expect(done.status).toBe("completed");
    // The call really outlived the lease several times over.
    expect(done.completedAt!.getTime() - done.startedAt!.getTime()).toBeGreaterThan(2 * LEASE_MS);
    expect(recoveries).toBeGreaterThan(5);
    expect(done.usageEntry).toMatchObject({ status: "settled", source: "estimate", amountMilli: done.estimatedMilli });
    const after = await studio.emulator.control.getBalance(studio.apiKey);
    expect(Math.round((before.balance - after.balance) * 1000)).toBe(done.estimatedMilli);
  });

  it("fails a call whose runner died as soon as its lease expires, releasing the hold", async () => {
    const prisma = getDb().prisma;
    const startedAt = new Date(Date.now() - 5_000); // far younger than the old age cutoff
    const gen = await prisma.generation.create({
      data: {
        userId: user.id,
        kind: "image",
        mode: "sync",
        model: "gpt-image-2",
        prompt: "runner died",
        params: {},
        estimatedMilli: 2000,
        status: "running",
        startedAt,
        leaseOwner: "dead-instance",
        leaseUntil: new Date(Date.now() - 100),
      },
    });
    await prisma.usageEntry.create({ data: { userId: user.id, generationId: gen.id, model: "gpt-image-2", kind: "image", amountMilli: 2000 } });
    await recoverOrphans();
    const failed = await row(gen.id);
    expect(failed.status).toBe("failed");
    expect(failed.errorType).toBe("interrupted");
    expect(failed.usageEntry?.status).toBe("released");
  });

  it("counts failed result downloads apart from polls, so a long-polled task still gets its retries", async () => {
    const prompt = `download retry ${Math.random()}`;
    const res = await POST(
      await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt, size: "2048x2048" } }),
      ctx(),
    );
    const { generation } = (await res.json()) as { generation: GenerationView };
    await drainBackground();
    // A task polled many times already (as a long video would be).
    await getDb().prisma.generation.update({ where: { id: generation.id }, data: { pollAttempts: 12 } });
    const fault = await studio.emulator.control.addFault({ match: { route: "GET /files/:name" }, action: "500" });
    // Poll until the task is done upstream and the first copy of its result has failed.
    let retried = await row(generation.id);
    for (let pass = 1; pass <= 50 && retried.ingestAttempts === 0; pass++) {
      await pollDueTasks({ owner: "t", now: new Date(Date.now() + pass * 20_000) });
      retried = await row(generation.id);
      if (retried.ingestAttempts === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect([retried.status, retried.errorMessage, retried.ingestAttempts]).toEqual(["running", null, 1]);
    expect(retried.pollAttempts).toBeGreaterThanOrEqual(12);
    await studio.emulator.control.removeFault(fault.id);
    await pollDueTasks({ owner: "t", now: new Date(Date.now() + 30 * 60_000) });
    const done = await row(generation.id);
    expect(done.status).toBe("completed");
    expect(done.usageEntry).toMatchObject({ status: "settled", source: "reported" });
  }, 60_000);
});
