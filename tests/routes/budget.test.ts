import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import { completeGeneration, createGenerationWithHold, failGeneration, markGenerationStarted } from "@/lib/db/queries/generations";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import type { GenerationView } from "@/lib/generations/view";
import { newId } from "@/lib/ids";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

type Envelope = { error: { type: string; message: string; retry_after?: number } };

/** gpt-image-2 at 1024x1024, medium quality: 2 credits each (lib/catalog/prices.ts). */
const TWO_CREDITS = { kind: "image", model: "gpt-image-2", size: "1024x1024", quality: "medium", n: 1 } as const;

forEachDatabase("credit ledger and budgets", (getDb) => {
  let studio: StudioHarness;

  beforeAll(async () => {
    // A 3-credit default allowance; some tests give users their own.
    studio = await startStudioHarness({ env: { DEFAULT_ALLOWANCE_CREDITS: "3" } });
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });
  beforeEach(() => studio.emulator.control.clearFaults());

  async function userWithAllowance(credits: number | null): Promise<PublicUser> {
    const user = await studio.createUser();
    if (credits !== null) await getDb().prisma.user.update({ where: { id: user.id }, data: { allowanceMilli: credits * 1000 } });
    return user;
  }

  async function submit(user: PublicUser, prompt: string, headers: Record<string, string> = {}) {
    return POST(await studio.request(user, "/api/generations", { method: "POST", json: { ...TWO_CREDITS, prompt }, headers }), ctx());
  }

  async function upstreamCalls(): Promise<number> {
    const { routes } = await studio.emulator.control.stats();
    return Object.entries(routes)
      .filter(([route]) => route.startsWith("POST "))
      .reduce((sum, [, n]) => sum + n, 0);
  }

  async function ledgerOf(user: PublicUser) {
    return getDb().prisma.usageEntry.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  }

  it("settles each generation exactly once when completions and failures race", async () => {
    const user = await userWithAllowance(1000);
    for (let round = 0; round < 8; round++) {
      const id = newId();
      await createGenerationWithHold({ id, userId: user.id, kind: "image", mode: "async", model: "gpt-image-2", prompt: `race ${round}`, params: {}, estimatedMilli: 2000 });
      expect(await markGenerationStarted({ id })).toBe(true);
      // On PostgreSQL each call takes its own pooled connection: a real race.
      const outcomes = await Promise.all([
        completeGeneration({ id, userId: user.id, outputs: [], costMilli: 1500, source: "reported" }),
        completeGeneration({ id, userId: user.id, outputs: [], costMilli: 2500, source: "reported" }),
        failGeneration({ id, errorType: "server_error", errorMessage: "lost the race" }),
        completeGeneration({ id, userId: user.id, outputs: [], costMilli: 3500, source: "reported" }),
        failGeneration({ id, errorType: "server_error", errorMessage: "lost the race too" }),
      ]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const winner = outcomes.indexOf(true);
      const gen = await getDb().prisma.generation.findUniqueOrThrow({ where: { id } });
      const entry = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: id } });
      const expected = [
        { status: "completed", entry: "settled", amount: 1500 },
        { status: "completed", entry: "settled", amount: 2500 },
        { status: "failed", entry: "released", amount: 2000 },
        { status: "completed", entry: "settled", amount: 3500 },
        { status: "failed", entry: "released", amount: 2000 },
      ][winner]!;
      expect(gen.status).toBe(expected.status);
      expect(entry.status).toBe(expected.entry);
      expect(entry.amountMilli).toBe(expected.amount);
      expect(entry.source).toBe(expected.entry === "settled" ? "reported" : "estimate");
      if (expected.status === "completed") expect(gen.costMilli).toBe(expected.amount);
      // A late completion after the fact changes nothing.
      expect(await completeGeneration({ id, userId: user.id, outputs: [], costMilli: 9999, source: "reported" })).toBe(false);
      expect(await failGeneration({ id, errorType: "x", errorMessage: "late" })).toBe(false);
      expect(await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: id } })).toEqual(entry);
      // Nor does its media: the one statement writes outputs only with the row it moved.
      const late = { id: newId(), role: "output" as const, kind: "image" as const, mimeType: "image/png", width: 8, height: 8, bytes: 10, storageKey: `late/${id}`, sha256: "0".repeat(64), position: 0 };
      expect(await completeGeneration({ id, userId: user.id, outputs: [late], costMilli: 9999, source: "reported" })).toBe(false);
      expect(await getDb().prisma.media.count({ where: { generationId: id } })).toBe(0);
    }
  });

  it("holds the estimate at submit and settles it on completion (sync: the estimate)", async () => {
    const user = await userWithAllowance(100);
    const res = await submit(user, "held then settled");
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as { generation: GenerationView };
    const held = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: generation.id } });
    expect(held).toMatchObject({ status: "held", source: "estimate", amountMilli: 2000, settledAt: null });
    await settleGeneration(generation.id);
    const settled = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: generation.id } });
    expect(settled).toMatchObject({ status: "settled", source: "estimate", amountMilli: 2000 });
    expect(settled.settledAt).toBeInstanceOf(Date);
  });

  it("refuses a submit over the allowance before any upstream call, writing nothing", async () => {
    const user = await userWithAllowance(1);
    const callsBefore = await upstreamCalls();
    const files = await studio.mediaFiles();
    const res = await submit(user, "too expensive for me");
    expect(res.status).toBe(429);
    const body = (await res.json()) as Envelope;
    expect(body.error.type).toBe("quota_exceeded");
    expect(body.error.message).toMatch(/needs 2 credits, more than your whole allowance of 1 credit per month/);
    await drainBackground();
    expect(await upstreamCalls()).toBe(callsBefore);
    expect(await getDb().prisma.generation.count({ where: { userId: user.id } })).toBe(0);
    expect(await ledgerOf(user)).toEqual([]);
    expect(await studio.mediaFiles()).toEqual(files);
  });

  it("counts held and settled credits against the default allowance and says when it resets", async () => {
    const user = await userWithAllowance(null); // default: 3 credits
    const callsBefore = await upstreamCalls();
    const first = await submit(user, "first of the month");
    expect(first.status).toBe(202);
    // Still held (its upstream call has not run yet): the hold already counts.
    const second = await submit(user, "one too many");
    expect(second.status).toBe(429);
    const body = (await second.json()) as Envelope;
    expect(body.error.type).toBe("quota_exceeded");
    expect(body.error.message).toMatch(/needs 2 credits, but you have 1 credit left this month\. Your allowance resets on 1 \w+ \d{4} \(UTC\)\./);
    const retryAfter = Number(second.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(31 * 86_400);
    expect(body.error.retry_after).toBe(retryAfter);
    await drainBackground();
    expect(await upstreamCalls()).toBe(callsBefore + 1);
    expect(await ledgerOf(user)).toHaveLength(1);
  });

  it("gives a failed generation's hold back to the budget", async () => {
    const user = await userWithAllowance(2);
    const prompt = `fails upstream ${Math.random()}`;
    await studio.emulator.control.addFault({ match: { prompt_contains: prompt }, action: "500" });
    const res = await submit(user, prompt);
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as { generation: GenerationView };
    expect((await settleGeneration(generation.id)).status).toBe("failed");
    expect(await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: generation.id } })).toMatchObject({ status: "released" });
    // The whole allowance is available again.
    const again = await submit(user, "second try");
    expect(again.status).toBe(202);
    await settleGeneration(((await again.json()) as { generation: GenerationView }).generation.id);
  });

  it("answers a retried submit (same Idempotency-Key) with the first generation even when the budget is now spent", async () => {
    const user = await userWithAllowance(2);
    const headers = { "idempotency-key": `budget-retry-${newId()}` };
    const first = await submit(user, "only once", headers);
    expect(first.status).toBe(202);
    const retry = await submit(user, "only once", headers);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { generation: GenerationView }).generation.id).toBe(((await first.json()) as { generation: GenerationView }).generation.id);
  });

  it("lets only one of two concurrent submits through when together they exceed the allowance", async () => {
    for (let round = 0; round < 4; round++) {
      const user = await userWithAllowance(3);
      const callsBefore = await upstreamCalls();
      const responses = await Promise.all([submit(user, `concurrent a ${round}`), submit(user, `concurrent b ${round}`), submit(user, `concurrent c ${round}`)]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([202, 429, 429]);
      const entries = await ledgerOf(user);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.amountMilli).toBe(2000);
      await drainBackground();
      expect(await upstreamCalls()).toBe(callsBefore + 1);
    }
  });

  it("stays exact with eight concurrent submits: a 7-credit allowance takes three 2-credit holds, never four", async () => {
    for (let round = 0; round < 3; round++) {
      const user = await userWithAllowance(7);
      // One settled spend already counts against the allowance too.
      const first = await submit(user, `settled first ${round}`);
      expect(first.status).toBe(202);
      await settleGeneration(((await first.json()) as { generation: GenerationView }).generation.id);
      const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => submit(user, `burst ${round}-${i}`)));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([202, 202, 429, 429, 429, 429, 429, 429]);
      const refusal = (await responses.find((r) => r.status === 429)!.json()) as Envelope;
      expect(refusal.error.message).toMatch(/needs 2 credits, but you have 1 credit left this month/);
      const entries = await ledgerOf(user);
      expect(entries.map((e) => e.amountMilli)).toEqual([2000, 2000, 2000]);
      expect(await getDb().prisma.generation.count({ where: { userId: user.id } })).toBe(3);
      await drainBackground();
    }
  });

  it("refuses a user disabled between the session check and the hold", async () => {
    const user = await userWithAllowance(10);
    const { spendCheck } = await import("@/lib/usage/budget");
    await getDb().prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    const id = newId();
    const result = await createGenerationWithHold({ id, userId: user.id, kind: "image", mode: "sync", model: "gpt-image-2", prompt: "sneaky", params: {}, estimatedMilli: 2000, budget: spendCheck() });
    expect(result).toEqual({ created: false, refused: "disabled" });
    expect(await ledgerOf(user)).toEqual([]);
    expect(await getDb().prisma.generation.count({ where: { id } })).toBe(0);
  });
});
