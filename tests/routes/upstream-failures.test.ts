import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import { GET as MODELS } from "@/app/api/models/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { resetEnvCache } from "@/lib/env";
import { resetModelCache } from "@/lib/generations/models";
import type { GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { startTestEmulator } from "../support/emulator";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

/**
 * Every upstream failure a user can meet ends as a failed generation (or a 4xx/5xx
 * envelope) with plain words, the credit hold released, and no media kept.
 */
forEachDatabase("upstream failures", (getDb) => {
  let studio: StudioHarness;
  let user: PublicUser;

  beforeAll(async () => {
    studio = await startStudioHarness();
    user = await studio.createUser();
  });
  afterAll(() => studio.close());
  beforeEach(async () => {
    await studio.emulator.control.clearFaults();
    await studio.emulator.control.setBalance(studio.apiKey, 10_000);
  });

  async function generate(prompt: string, extra: Record<string, unknown> = {}) {
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt, ...extra } }), ctx());
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as { generation: GenerationView };
    const row = await settleGeneration(generation.id);
    const ledger = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: generation.id } });
    return { row, ledger };
  }

  const cases: { name: string; action: "500" | "502" | "503" | "429"; type: string; message: RegExp }[] = [
    { name: "a 500", action: "500", type: "upstream_error", message: /Pixapi is not available right now/ },
    { name: "a 503", action: "503", type: "upstream_error", message: /Pixapi is not available right now/ },
    { name: "a 429", action: "429", type: "rate_limit_error", message: /too many requests.*try again in 7 seconds/i },
  ];
  for (const c of cases) {
    it(`fails a sync generation on ${c.name} with a plain message and releases the hold`, async () => {
      const prompt = `fault ${c.action} ${Math.random()}`;
      await studio.emulator.control.addFault({ match: { prompt_contains: prompt }, action: c.action, retry_after: 7 });
      const { row, ledger } = await generate(prompt);
      expect(row.status).toBe("failed");
      expect(row.errorType).toBe(c.type);
      expect(row.errorMessage).toMatch(c.message);
      expect(row.media).toHaveLength(0);
      expect(ledger.status).toBe("released");
    });
  }

  it("explains insufficient credits when the studio's Pixapi balance runs out", async () => {
    await studio.emulator.control.setBalance(studio.apiKey, 0);
    const { row, ledger } = await generate("no money left");
    expect(row.errorType).toBe("insufficient_credits");
    expect(row.errorMessage).toMatch(/out of credits/);
    expect(ledger.status).toBe("released");
    const stats = await studio.emulator.control.stats();
    expect(stats.routes["POST /v1/images/generations"]).toBeGreaterThan(0);
  });

  it("reports an async task Pixapi failed, with Pixapi's own message", async () => {
    const prompt = `doomed task ${Math.random()}`;
    await studio.emulator.control.addFault({ match: { prompt_contains: prompt }, action: "task_fail", message: "content policy violation" });
    const { row, ledger } = await generate(prompt, { size: "2048x2048" });
    expect(row.status).toBe("failed");
    expect(row.errorType).toBe("generation_failed");
    expect(row.errorMessage).toContain("content policy violation");
    expect(ledger.status).toBe("released");
  });

  it("fails a submit that Pixapi rejects with 502 without ever retrying the POST", async () => {
    const prompt = `bad gateway ${Math.random()}`;
    await studio.emulator.control.addFault({ match: { prompt_contains: prompt }, action: "502" });
    const before = (await studio.emulator.control.stats()).routes["POST /v1/async/images/generations"] ?? 0;
    const { row } = await generate(prompt, { size: "2048x2048" });
    expect(row.errorType).toBe("upstream_error");
    const after = (await studio.emulator.control.stats()).routes["POST /v1/async/images/generations"] ?? 0;
    expect(after - before).toBe(1);
  });

  it("times out a hanging upstream call with upstream_timeout", async () => {
    process.env.PIXAPI_TIMEOUT_MS = "1000";
    resetEnvCache();
    try {
      const prompt = `hang ${Math.random()}`;
      await studio.emulator.control.addFault({ match: { prompt_contains: prompt }, action: "hang" });
      const { row } = await generate(prompt);
      expect(row.errorType).toBe("upstream_timeout");
      expect(row.errorMessage).toMatch(/took too long/);
    } finally {
      process.env.PIXAPI_TIMEOUT_MS = "10000";
      resetEnvCache();
    }
  });

  it("blames the studio's configuration, not the user, when Pixapi rejects the key", async () => {
    const strict = await startTestEmulator({ keys: ["the-only-valid-key"] });
    process.env.PIXAPI_BASE_URL = strict.url;
    resetEnvCache();
    resetModelCache();
    try {
      const res = await MODELS(await studio.request(user, "/api/models"), ctx());
      expect(res.status).toBe(502);
      const body = (await res.json()) as { error: { type: string; message: string } };
      expect(body.error.type).toBe("upstream_error");
      expect(body.error.message).toMatch(/key was rejected/);
      expect(body.error.message).not.toContain(studio.apiKey);
    } finally {
      process.env.PIXAPI_BASE_URL = studio.emulator.url;
      resetEnvCache();
      resetModelCache();
      await strict.close();
    }
  });

  it("answers a model-list outage as a 502 envelope, never a 500", async () => {
    resetModelCache();
    await studio.emulator.control.addFault({ match: { route: "GET /v1/models" }, action: "503", times: 10 });
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt: "x" } }), ctx());
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe("upstream_error");
    await studio.emulator.control.clearFaults();
    resetModelCache();
  });
});
