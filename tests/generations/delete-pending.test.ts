import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST, GET as LIST } from "@/app/api/generations/route";
import { GET, DELETE } from "@/app/api/generations/[id]/route";
import { GET as MEDIA } from "@/app/api/media/[id]/route";
import { createGenerationWithHold } from "@/lib/db/queries/generations";
import type { PublicUser } from "@/lib/db/queries/users";
import { newId } from "@/lib/ids";
import { drainBackground } from "@/lib/generations/background";
import { recoverOrphans } from "@/lib/generations/recover";
import { pollDueTasks } from "@/lib/generations/tracker";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { pngFixture } from "../support/generations";
import { ctx, multipart, startStudioHarness, type StudioHarness } from "../support/studio";

type Body = { generation: GenerationView };

/**
 * Deleting a generation that is still queued or running (issue 9, item 5): it disappears
 * for its owner at once, yet its credit hold never outlives the upstream task. The task
 * is followed to its end, the real cost settles once (or the hold is released), and only
 * then are the row and every file removed; the ledger keeps the entry.
 */
forEachDatabase("deleting a pending generation", (getDb) => {
  let studio: StudioHarness;

  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio.close());
  beforeEach(() => studio.emulator.control.clearFaults());

  async function submit(user: PublicUser, json: unknown): Promise<GenerationView> {
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json }), ctx());
    expect(res.status).toBe(202);
    return ((await res.json()) as Body).generation;
  }

  async function del(user: PublicUser, id: string): Promise<number> {
    return (await DELETE(await studio.request(user, `/api/generations/${id}`, { method: "DELETE" }), ctx({ id }))).status;
  }

  async function hiddenFromOwner(user: PublicUser, gen: GenerationView): Promise<void> {
    expect((await GET(await studio.request(user, `/api/generations/${gen.id}`), ctx({ id: gen.id }))).status).toBe(404);
    const list = (await (await LIST(await studio.request(user, "/api/generations"), ctx())).json()) as GenerationListView;
    expect(list.items.map((g) => g.id)).not.toContain(gen.id);
    for (const m of gen.inputs) expect((await MEDIA(await studio.request(user, m.url), ctx({ id: m.id }))).status).toBe(404);
    // A second delete finds nothing either.
    expect(await del(user, gen.id)).toBe(404);
  }

  /**
   * Tracker passes with the clock run ahead, until the row is gone. The emulator renders
   * videos with ffmpeg in real time even at time scale 0, hence a bound in passes, not a timer.
   */
  async function trackUntilRemoved(id: string): Promise<void> {
    for (let pass = 0; pass < 300; pass++) {
      if (!(await getDb().prisma.generation.findUnique({ where: { id } }))) return;
      await pollDueTasks({ owner: "test-tracker", now: new Date(Date.now() + 120_000) });
      await new Promise((r) => setTimeout(r, pass < 10 ? 20 : 200));
    }
    throw new Error(`generation ${id} was never removed`);
  }

  async function filesOf(id: string): Promise<string[]> {
    return (await studio.mediaFiles()).filter((f) => f.includes(`/${id}/`));
  }

  async function ledgerOf(user: PublicUser) {
    return getDb().prisma.usageEntry.findMany({ where: { userId: user.id } });
  }

  it("settles the cost Pixapi reports once the task ends, then removes the row and every file", async () => {
    const user = await studio.createUser();
    const before = await studio.emulator.control.getBalance(studio.apiKey);
    const mp = await multipart({ kind: "edit", model: "gpt-image-2", prompt: "deleted while running", n: "1", size: "1024x1024" }, [
      { name: "image", filename: "photo.png", type: "image/png", bytes: await pngFixture() },
    ]);
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", body: mp.body, headers: mp.headers }), ctx());
    const gen = ((await res.json()) as Body).generation;
    await drainBackground();
    const submitted = await getDb().prisma.generation.findUniqueOrThrow({ where: { id: gen.id } });
    expect(submitted.status).toBe("running");
    expect(submitted.upstreamTaskId).toMatch(/^task_/);
    expect(await filesOf(gen.id)).toHaveLength(2); // the upload and its thumbnail

    expect(await del(user, gen.id)).toBe(204);
    await hiddenFromOwner(user, gen);
    // Still in flight upstream: the hold is honestly still held, and the row still stored.
    expect((await ledgerOf(user)).map((e) => e.status)).toEqual(["held"]);

    await trackUntilRemoved(gen.id);
    expect(await filesOf(gen.id)).toEqual([]);
    expect(await getDb().prisma.media.count({ where: { generationId: gen.id } })).toBe(0);
    const ledger = await ledgerOf(user);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ status: "settled", source: "reported", generationId: null });
    // Charged upstream exactly once, and the ledger records exactly that amount.
    const after = await studio.emulator.control.getBalance(studio.apiKey);
    expect(ledger[0]!.amountMilli).toBe(Math.round((before.balance - after.balance) * 1000));
    expect(ledger[0]!.amountMilli).toBeGreaterThan(0);
  });

  it("follows a video task deleted while queued upstream to its end", async () => {
    const user = await studio.createUser();
    const gen = await submit(user, { kind: "video", model: "wan", prompt: "a video nobody waits for", duration: 2 });
    await drainBackground();
    expect(await del(user, gen.id)).toBe(204);
    await hiddenFromOwner(user, gen);
    await trackUntilRemoved(gen.id);
    expect(await filesOf(gen.id)).toEqual([]);
    const ledger = await ledgerOf(user);
    expect(ledger.map((e) => [e.status, e.source])).toEqual([["settled", "reported"]]);
  }, 120_000); // ffmpeg on a busy 2-core machine

  it("releases the hold when the deleted task fails upstream", async () => {
    const user = await studio.createUser();
    const prompt = `fails after delete ${Math.random()}`;
    await studio.emulator.control.addFault({ match: { route: "POST /v1/async/images/generations", prompt_contains: prompt }, action: "task_fail" });
    const gen = await submit(user, { kind: "image", model: "gpt-image-2", prompt, size: "2048x2048" });
    await drainBackground();
    expect(await del(user, gen.id)).toBe(204);
    await trackUntilRemoved(gen.id);
    const ledger = await ledgerOf(user);
    expect(ledger.map((e) => e.status)).toEqual(["released"]);
    expect(ledger[0]!.generationId).toBeNull();
  });

  it("lets a sync call in flight finish, settles the estimate, then removes it", async () => {
    const user = await studio.createUser();
    const prompt = `slow sync ${Math.random()}`;
    await studio.emulator.control.addFault({ match: { route: "POST /v1/images/generations", prompt_contains: prompt }, action: "latency", latency_ms: 1500 });
    const gen = await submit(user, { kind: "image", model: "gemini-2.5-flash-image", prompt, size: "1024x1024" });
    expect(gen.mode).toBe("sync");
    // Wait until the runner has taken it (queued → running) and the upstream call is out.
    for (let i = 0; i < 100; i++) {
      const row = await getDb().prisma.generation.findUniqueOrThrow({ where: { id: gen.id } });
      if (row.status === "running") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await del(user, gen.id)).toBe(204);
    await hiddenFromOwner(user, gen);
    await drainBackground();
    expect(await getDb().prisma.generation.findUnique({ where: { id: gen.id } })).toBeNull();
    expect(await filesOf(gen.id)).toEqual([]);
    const ledger = await ledgerOf(user);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ status: "settled", source: "estimate", amountMilli: 1000, generationId: null });
  });

  it("releases a generation that never started at once, and nothing runs it later", async () => {
    const user = await studio.createUser();
    // As a process that died right after accepting it would leave it: queued, with a hold.
    const id = newId();
    await createGenerationWithHold({
      id,
      userId: user.id,
      kind: "image",
      mode: "sync",
      model: "gpt-image-2",
      prompt: "never started",
      params: { n: 1, size: "1024x1024", quality: "auto" },
      estimatedMilli: 2000,
    });
    await getDb().prisma.generation.update({ where: { id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await del(user, id)).toBe(204);
    expect(await getDb().prisma.generation.findUnique({ where: { id } })).toBeNull();
    expect((await ledgerOf(user)).map((e) => e.status)).toEqual(["released"]);
    const routesBefore = (await studio.emulator.control.stats()).routes["POST /v1/images/generations"] ?? 0;
    await recoverOrphans();
    await drainBackground();
    expect((await studio.emulator.control.stats()).routes["POST /v1/images/generations"] ?? 0).toBe(routesBefore);
  });

  it("removes a deleted generation a crash left finished but stored, on the next recovery", async () => {
    const user = await studio.createUser();
    const gen = await submit(user, { kind: "image", model: "gpt-image-2", prompt: "crash before purge", size: "2048x2048" });
    await drainBackground();
    expect(await del(user, gen.id)).toBe(204);
    // The instance finishing it died between settling and removing: simulate that state.
    await getDb().prisma.$transaction([
      getDb().prisma.generation.update({ where: { id: gen.id }, data: { status: "completed", completedAt: new Date() } }),
      getDb().prisma.usageEntry.updateMany({ where: { generationId: gen.id }, data: { status: "settled", settledAt: new Date() } }),
    ]);
    await recoverOrphans();
    expect(await getDb().prisma.generation.findUnique({ where: { id: gen.id } })).toBeNull();
    expect((await ledgerOf(user)).map((e) => e.status)).toEqual(["settled"]);
  });

  it("settles exactly once when a delete races the tracker's completion", async () => {
    const user = await studio.createUser();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await submit(user, { kind: "image", model: "gpt-image-2", prompt: `race ${i}`, size: "2048x2048" })).id);
    await drainBackground();
    const now = new Date(Date.now() + 120_000);
    const statuses = await Promise.all([...ids.map((id) => del(user, id)), pollDueTasks({ owner: "racer", now })]);
    expect(statuses.slice(0, ids.length)).toEqual(ids.map(() => 204));
    for (const id of ids) await trackUntilRemoved(id);
    await recoverOrphans();
    const ledger = await ledgerOf(user);
    expect(ledger).toHaveLength(ids.length);
    for (const e of ledger) expect(e).toMatchObject({ status: "settled", generationId: null });
    expect(await getDb().prisma.generation.count({ where: { userId: user.id } })).toBe(0);
    for (const id of ids) expect(await filesOf(id)).toEqual([]);
  }, 120_000);

  it("still deletes a finished generation at once, keeping its spend", async () => {
    const user = await studio.createUser();
    const gen = await submit(user, { kind: "image", model: "gpt-image-2", prompt: "finished first", size: "1024x1024" });
    await drainBackground();
    expect((await getDb().prisma.generation.findUniqueOrThrow({ where: { id: gen.id } })).status).toBe("completed");
    expect(await filesOf(gen.id)).toHaveLength(2);
    expect(await del(user, gen.id)).toBe(204);
    expect(await getDb().prisma.generation.findUnique({ where: { id: gen.id } })).toBeNull();
    expect(await filesOf(gen.id)).toEqual([]);
    expect((await ledgerOf(user)).map((e) => e.status)).toEqual(["settled"]);
  });
});
