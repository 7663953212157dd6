import { afterAll, beforeAll, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { pollDueTasks } from "@/lib/generations/tracker";
import type { GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

forEachDatabase("tracker resume after restart", (getDb) => {
  let studio: StudioHarness;
  let user: PublicUser;

  beforeAll(async () => {
    studio = await startStudioHarness({ emulatorOptions: { timeScale: 0 } });
    user = await studio.createUser();
  });
  afterAll(() => studio.close());

  it("takes over a task whose poller died (expired lease) and completes it", async () => {
    const res = await POST(
      await studio.request(user, "/api/generations", { method: "POST", json: { kind: "video", model: "veo", prompt: "survives a restart", duration: 4 } }),
      ctx(),
    );
    const { generation } = (await res.json()) as { generation: GenerationView };
    await drainBackground();
    const prisma = getDb().prisma;
    // The instance that submitted it died mid-poll: its lease is still on the row, expired.
    const past = new Date(Date.now() - 1000);
    await prisma.generation.update({ where: { id: generation.id }, data: { leaseOwner: "dead-instance", leaseUntil: past, nextPollAt: past } });

    // A freshly started instance (a new owner id) picks it up on its first pass.
    expect(await pollDueTasks({ owner: "restarted-instance" })).toBe(1);
    // The emulator's ffmpeg render takes real time even at time scale 0: keep polling.
    // Up to 90 s: on a loaded 2-core machine the render alone can take tens of seconds.
    for (let deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const r = await prisma.generation.findUniqueOrThrow({ where: { id: generation.id } });
      if (r.status !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 250));
      await pollDueTasks({ owner: "restarted-instance", now: new Date(Date.now() + 60_000) });
    }
    const done = await prisma.generation.findUniqueOrThrow({ where: { id: generation.id }, include: { media: true, usageEntry: true } });
    expect(done.status).toBe("completed");
    expect(done.leaseOwner).toBeNull();
    expect(done.media.filter((m) => m.role === "output" && m.kind === "video")).toHaveLength(1);
    expect(done.usageEntry).toMatchObject({ status: "settled", source: "reported" });
  }, 120_000);

  it("does not steal a task whose lease is still live", async () => {
    const res = await POST(
      await studio.request(user, "/api/generations", { method: "POST", json: { kind: "video", model: "veo", prompt: "leased elsewhere", duration: 4 } }),
      ctx(),
    );
    const { generation } = (await res.json()) as { generation: GenerationView };
    await drainBackground();
    const prisma = getDb().prisma;
    const past = new Date(Date.now() - 1000);
    await prisma.generation.update({ where: { id: generation.id }, data: { leaseOwner: "live-instance", leaseUntil: new Date(Date.now() + 60_000), nextPollAt: past } });
    await pollDueTasks({ owner: "other-instance" });
    const r = await prisma.generation.findUniqueOrThrow({ where: { id: generation.id } });
    expect(r.status).toBe("running");
    expect(r.leaseOwner).toBe("live-instance");
    expect(r.pollAttempts).toBe(0);
  });
});
