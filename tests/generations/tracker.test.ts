import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { recoverOrphans } from "@/lib/generations/recover";
import { backoffMs } from "@/lib/generations/schedule";
import { pollDueTasks } from "@/lib/generations/tracker";
import type { GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

describe("tracker backoff", () => {
  it("grows exponentially from the base interval, is capped, and jitters within ±20%", () => {
    const mid = () => 0.5;
    expect(backoffMs(0, 1000, mid)).toBe(1000);
    expect(backoffMs(1, 1000, mid)).toBe(1500);
    expect(backoffMs(2, 1000, mid)).toBe(2250);
    expect(backoffMs(50, 1000, mid)).toBe(15_000);
    expect(backoffMs(0, 1000, () => 0)).toBe(800);
    expect(backoffMs(0, 1000, () => 1)).toBe(1200);
  });
});

forEachDatabase("backend task tracker", (getDb) => {
  let studio: StudioHarness;
  let user: PublicUser;

  beforeAll(async () => {
    // Real-time emulator: tasks stay "processing" for seconds, while the tests move the
    // tracker's clock by hand.
    studio = await startStudioHarness({ emulatorOptions: { timeScale: 1 } });
    user = await studio.createUser();
  });
  afterAll(() => studio.close());
  beforeEach(() => studio.emulator.control.clearFaults());

  async function submitVideo(prompt: string): Promise<{ id: string; taskId: string }> {
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "video", model: "veo", prompt, duration: 8 } }), ctx());
    const { generation } = (await res.json()) as { generation: GenerationView };
    await drainBackground();
    const row = await getDb().prisma.generation.findUniqueOrThrow({ where: { id: generation.id } });
    expect(row.upstreamTaskId).toBeTruthy();
    return { id: generation.id, taskId: row.upstreamTaskId as string };
  }

  const polls = async (taskId: string) => (await studio.emulator.control.stats()).tasks[taskId]?.polls ?? 0;
  const row = (id: string) => getDb().prisma.generation.findUniqueOrThrow({ where: { id } });

  it("gives each task exactly one poller per interval, across concurrent trackers", async () => {
    const { id, taskId } = await submitVideo(`lease ${Math.random()}`);
    let now = Date.now() + 5_000;
    for (let interval = 1; interval <= 3; interval++) {
      const claimed = await Promise.all([
        pollDueTasks({ owner: "instance-a", now: new Date(now) }),
        pollDueTasks({ owner: "instance-b", now: new Date(now) }),
        pollDueTasks({ owner: "instance-c", now: new Date(now) }),
      ]);
      expect(claimed.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await polls(taskId)).toBe(interval);
      // Before the next poll is due, nobody polls.
      const r = await row(id);
      expect(r.leaseOwner).toBeNull();
      expect(await pollDueTasks({ owner: "instance-a", now: new Date(r.nextPollAt!.getTime() - 1) })).toBe(0);
      now = r.nextPollAt!.getTime() + 1;
    }
    expect((await row(id)).status).toBe("running");
  });

  it("backs off between polls while a task keeps running, and records progress", async () => {
    const { id } = await submitVideo(`backoff ${Math.random()}`);
    const gaps: number[] = [];
    let now = Date.now() + 2_000;
    for (let i = 0; i < 4; i++) {
      await pollDueTasks({ owner: "t", now: new Date(now) });
      const r = await row(id);
      gaps.push(r.nextPollAt!.getTime() - now);
      now = r.nextPollAt!.getTime() + 1;
    }
    // Jitter is ±20%, growth ×1.5 per attempt: every gap beats 0.8/1.2 of the previous one.
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]! * (0.8 * 1.5) / 1.2 - 1);
    expect(gaps[3]!).toBeGreaterThan(gaps[0]!);
    expect((await row(id)).pollAttempts).toBe(4);
  });

  it("honours Retry-After when Pixapi answers a poll with 429", async () => {
    const prompt = `throttled ${Math.random()}`;
    const { id, taskId } = await submitVideo(prompt);
    await studio.emulator.control.addFault({ match: { route: "GET /v1/tasks/:id", prompt_contains: prompt }, action: "429", retry_after: 45 });
    const now = Date.now() + 5_000;
    await pollDueTasks({ owner: "t", now: new Date(now) });
    const r = await row(id);
    expect(r.status).toBe("running");
    expect(r.nextPollAt!.getTime() - now).toBeGreaterThanOrEqual(45_000);
    const pollsAfter429 = await polls(taskId);
    expect(pollsAfter429).toBe(1);
    // 30 s later the task is still not due: no second poll of it.
    await pollDueTasks({ owner: "t", now: new Date(now + 30_000) });
    expect(await polls(taskId)).toBe(pollsAfter429);
    expect((await row(id)).pollAttempts).toBe(1);
  });

  it("gives up after the maximum age with a clear failed status and releases the hold", async () => {
    const { id } = await submitVideo(`too slow ${Math.random()}`);
    await pollDueTasks({ owner: "t", now: new Date(Date.now() + 61 * 60_000) });
    const r = await getDb().prisma.generation.findUniqueOrThrow({ where: { id }, include: { usageEntry: true } });
    expect(r.status).toBe("failed");
    expect(r.errorType).toBe("timeout");
    expect(r.errorMessage).toMatch(/did not finish this task within 60 minutes/);
    expect(r.usageEntry?.status).toBe("released");
  });

  it("recovers orphans: runs rows a dead process left queued, fails calls it left in flight", async () => {
    const prisma = getDb().prisma;
    const old = new Date(Date.now() - 10 * 60_000);
    const queued = await prisma.generation.create({
      data: { userId: user.id, kind: "image", mode: "sync", model: "gpt-image-2", prompt: "left queued", params: { n: 1, size: "1024x1024", quality: "auto" }, estimatedMilli: 1000, createdAt: old },
    });
    await prisma.usageEntry.create({ data: { userId: user.id, generationId: queued.id, model: "gpt-image-2", kind: "image", amountMilli: 1000 } });
    const inflight = await prisma.generation.create({
      data: { userId: user.id, kind: "image", mode: "sync", model: "gpt-image-2", prompt: "left running", params: {}, estimatedMilli: 1000, status: "running", startedAt: old, createdAt: old },
    });
    await prisma.usageEntry.create({ data: { userId: user.id, generationId: inflight.id, model: "gpt-image-2", kind: "image", amountMilli: 1000 } });

    await recoverOrphans();
    await drainBackground();
    expect((await row(queued.id)).status).toBe("completed");
    const failed = await prisma.generation.findUniqueOrThrow({ where: { id: inflight.id }, include: { usageEntry: true } });
    expect(failed.status).toBe("failed");
    expect(failed.errorMessage).toMatch(/restarted/);
    expect(failed.usageEntry?.status).toBe("released");
  });
});
