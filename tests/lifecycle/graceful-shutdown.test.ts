import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as HEALTH } from "@/app/api/health/route";
import { POST } from "@/app/api/generations/route";
import { createPrismaClient, setPrismaForTests, type PrismaClient } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { pollDueTasks, startTracker, trackerOwner } from "@/lib/generations/tracker";
import type { GenerationView } from "@/lib/generations/view";
import { gracefulShutdown } from "@/lib/lifecycle/shutdown";
import { resetLifecycleForTests } from "@/lib/lifecycle/state";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

/**
 * SIGTERM on one instance, the way lib/lifecycle/shutdown.ts runs it, on the embedded PGlite
 * in a real data dir (the case where a missed flush loses data): running work finishes, new
 * work is refused, the tracker's lease is handed back, and after the database is closed and
 * reopened from disk nothing is missing and another instance takes the task at once.
 */
let studio: StudioHarness;
let reopened: { prisma: PrismaClient; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  studio = await startStudioHarness({ env: { TRACKER_POLL_MS: "100" } });
  await migrateDatabase({ dataDir: studio.dataDir });
});
afterAll(async () => {
  setPrismaForTests(undefined);
  await reopened?.close();
  resetLifecycleForTests();
  await studio.close();
});

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it("finishes running work, refuses new work, releases its lease and flushes the database", async () => {
  const user = await createUser({ email: "shutdown@example.com", passwordHash: null });
  const submit = async (json: unknown) => {
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json }), ctx());
    expect(res.status).toBe(202);
    return ((await res.json()) as { generation: GenerationView }).generation.id;
  };

  // An async video task, due now; its next poll will hang upstream for longer than the deadline.
  const videoId = await submit({ kind: "video", model: "veo", prompt: "leased at shutdown", duration: 4 });
  await drainBackground();
  await studio.emulator.control.addFault({ match: { route: "GET /v1/tasks/:id", prompt_contains: "leased at shutdown" }, action: "latency", latency_ms: 15_000 });
  startTracker();
  const { getPrisma } = await import("@/lib/db/client");
  await waitFor("the tracker to lease the task", async () => (await getPrisma().generation.findUniqueOrThrow({ where: { id: videoId } })).leaseOwner === trackerOwner);

  // A request and a background upstream call that are still running when SIGTERM comes.
  await studio.emulator.control.addFault({ match: { route: "GET /v1/models" }, action: "latency", latency_ms: 700 });
  await studio.emulator.control.addFault({ match: { route: "POST /v1/images/generations" }, action: "latency", latency_ms: 700 });
  const syncId = await submit({ kind: "image", model: "gpt-image-2", prompt: "finishes during shutdown" });
  const slowHealth = HEALTH(new Request("http://localhost:3999/api/health"), ctx());
  await new Promise((r) => setTimeout(r, 100));

  const shutdown = gracefulShutdown({ timeoutMs: 6000 });
  // New work is refused at once with the envelope and Retry-After.
  const refused = await POST(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt: "too late" } }), ctx());
  expect(refused.status).toBe(503);
  expect(refused.headers.get("retry-after")).toBe("1");
  expect(((await refused.json()) as { error: { type: string } }).error.type).toBe("service_unavailable");

  const report = await shutdown;
  expect(report).toEqual({ requestsFinished: true, backgroundFinished: true, leasesReleased: 1 });
  expect((await slowHealth).status).toBe(200);

  // Restart: open the data dir again from disk.
  reopened = createPrismaClient({ dataDir: studio.dataDir });
  setPrismaForTests(reopened.prisma);
  const prisma = reopened.prisma;
  expect(await prisma.user.count({ where: { email: "shutdown@example.com" } })).toBe(1);
  const sync = await prisma.generation.findUniqueOrThrow({ where: { id: syncId }, include: { media: true, usageEntry: true } });
  expect(sync.status).toBe("completed");
  expect(sync.media.filter((m) => m.role === "output")).toHaveLength(1);
  expect(sync.usageEntry?.status).toBe("settled");
  expect(await prisma.generation.count({ where: { prompt: "too late" } })).toBe(0);

  const video = await prisma.generation.findUniqueOrThrow({ where: { id: videoId } });
  expect(video).toMatchObject({ status: "running", leaseOwner: null, leaseUntil: null });
  expect(video.nextPollAt?.getTime()).toBeLessThanOrEqual(Date.now());

  // No lease to wait out: another instance takes the task on its very first pass, right now.
  await studio.emulator.control.clearFaults();
  expect(await pollDueTasks({ owner: "instance-2" })).toBe(1);
  await waitFor(
    "instance 2 to finish the task",
    async () => {
      await pollDueTasks({ owner: "instance-2", now: new Date(Date.now() + 60_000) });
      return (await prisma.generation.findUniqueOrThrow({ where: { id: videoId } })).status === "completed";
    },
    90_000,
  );
  const done = await prisma.generation.findUniqueOrThrow({ where: { id: videoId }, include: { usageEntry: true } });
  expect(done.leaseOwner).toBeNull();
  expect(done.usageEntry?.status).toBe("settled");
}, 150_000);
