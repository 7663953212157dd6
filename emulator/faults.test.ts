import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { Faults, faultRuleSchema, type FaultRequest } from "./faults";
import { GEN, api, waitForTask } from "./test-helpers";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterEach(() => emu.control.clearFaults());
afterAll(() => emu.close());

type Envelope = { error: { code: number; message: string; type: string } };
const generate = (prompt: string, extra: { key?: string; headers?: Record<string, string> } = {}) =>
  api<Envelope>(emu, "POST", "/v1/images/generations", { json: { ...GEN, prompt }, ...extra });

describe("faults by request header", () => {
  it("x-emulator-fail: 429 | 500 | 502 | 503 | 402 answer in the envelope, producing and charging nothing", async () => {
    const key = "header-faults";
    const before = (await emu.control.getBalance(key)).balance;
    const expected: Record<string, [number, string]> = {
      "429": [429, "rate_limit_error"],
      "500": [500, "server_error"],
      "502": [502, "server_error"],
      "503": [503, "server_error"],
      insufficient_credits: [402, "insufficient_credits"],
    };
    for (const [fail, [status, type]] of Object.entries(expected)) {
      const result = await generate("x", { key, headers: { "x-emulator-fail": fail } });
      expect(result.status).toBe(status);
      expect(result.body.error).toMatchObject({ code: status, type });
    }
    expect((await emu.control.getBalance(key)).balance).toBe(before);
  });

  it("429 carries Retry-After (x-emulator-retry-after) and a custom message", async () => {
    const result = await generate("x", { headers: { "x-emulator-fail": "429", "x-emulator-retry-after": "7", "x-emulator-fail-message": "Slow down" } });
    expect(result.headers.get("retry-after")).toBe("7");
    expect(result.body.error.message).toBe("Slow down");
  });

  it("hang never answers (the client's timeout ends it)", async () => {
    const attempt = fetch(`${emu.baseUrl}/models`, {
      headers: { authorization: "Bearer k", "x-emulator-fail": "hang" },
      signal: AbortSignal.timeout(300),
    });
    await expect(attempt).rejects.toThrow(/timeout|aborted/i);
  });

  it("latency delays but still succeeds; a bad header value is a 400", async () => {
    expect((await generate("slow", { headers: { "x-emulator-latency-ms": "50" } })).status).toBe(200);
    expect((await generate("x", { headers: { "x-emulator-latency-ms": "soon" } })).status).toBe(400);
    expect((await generate("x", { headers: { "x-emulator-fail": "explode" } })).status).toBe(400);
  });
});

describe("faults by control API", () => {
  it("prompt_contains isolates a test's own requests; times limits how often", async () => {
    const rule = await emu.control.addFault({ match: { prompt_contains: "[t-1]" }, action: "503", times: 2, message: "Overloaded" });
    expect(rule.id).toMatch(/^fault_/);
    expect((await generate("unrelated prompt")).status).toBe(200);
    const hit = await generate("a cat [t-1]");
    expect([hit.status, hit.body.error.message]).toEqual([503, "Overloaded"]);
    expect((await generate("a dog [t-1]")).status).toBe(503);
    expect((await generate("a cow [t-1]")).status).toBe(200);
  });

  it("matches by route (label, pattern or path) and by key", async () => {
    await emu.control.addFault({ match: { route: "GET /v1/models" }, action: "502" });
    expect((await api(emu, "GET", "/v1/models")).status).toBe(502);
    expect((await generate("x")).status).toBe(200);
    await emu.control.clearFaults();

    await emu.control.addFault({ match: { route: "/v1/images/generations", key: "victim" }, action: "429", retry_after: 3 });
    const victim = await generate("x", { key: "victim" });
    expect([victim.status, victim.headers.get("retry-after")]).toEqual([429, "3"]);
    expect((await generate("x", { key: "bystander" })).status).toBe(200);
  });

  it("task_fail ends the async task failed (with the message), leaving sync calls alone", async () => {
    await emu.control.addFault({ match: { prompt_contains: "[doomed]" }, action: "task_fail", message: "Safety system rejected the prompt" });
    expect((await generate("sync [doomed]")).status).toBe(200);
    const { body } = await api<{ id: string }>(emu, "POST", "/v1/async/videos/generations", { json: { model: "veo", prompt: "video [doomed]", duration: 1 } });
    const { task } = await waitForTask(emu, body.id);
    expect(task.status).toBe("failed");
    expect(task.error).toEqual({ code: 500, type: "server_error", message: "Safety system rejected the prompt" });
  });

  it("faults can target polls of one task (matched by the task's prompt)", async () => {
    const { body } = await api<{ id: string }>(emu, "POST", "/v1/async/images/generations", { json: { ...GEN, prompt: "poll me [p-9]" } });
    await emu.control.addFault({ match: { route: "GET /v1/tasks/:id", prompt_contains: "[p-9]" }, action: "500", times: 1 });
    expect((await api(emu, "GET", `/v1/tasks/${body.id}`)).status).toBe(500);
    expect((await api(emu, "GET", `/v1/tasks/${body.id}`)).status).toBe(200);
  });

  it("insufficient_credits, hang and latency actions", async () => {
    await emu.control.addFault({ match: { prompt_contains: "[broke]" }, action: "insufficient_credits" });
    expect((await generate("[broke]")).body.error.type).toBe("insufficient_credits");

    await emu.control.addFault({ match: { prompt_contains: "[stuck]" }, action: "hang" });
    await expect(
      fetch(`${emu.baseUrl}/images/generations`, {
        method: "POST",
        headers: { authorization: "Bearer k", "content-type": "application/json" },
        body: JSON.stringify({ ...GEN, prompt: "[stuck]" }),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow(/timeout|aborted/i);

    const latency = await emu.control.addFault({ match: { prompt_contains: "[lag]" }, action: "latency", latency_ms: 30, times: 1 });
    expect((await generate("[lag]")).status).toBe(200);
    const listed = (await (await fetch(`${emu.url}/_emulator/faults`)).json()) as { data: { id: string }[] };
    expect(listed.data.map((r) => r.id)).not.toContain(latency.id); // used up
  });

  it("rejects malformed rules; removes one rule by id; clears all", async () => {
    const bad = await fetch(`${emu.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "explode" }) });
    expect(bad.status).toBe(400);
    const rule = await emu.control.addFault({ action: "500" });
    expect((await generate("x")).status).toBe(500);
    await emu.control.removeFault(rule.id);
    expect((await generate("x")).status).toBe(200);
    await emu.control.addFault({ action: "500" });
    await emu.control.clearFaults();
    expect((await generate("x")).status).toBe(200);
  });
});

describe("fault probability", () => {
  const request = (prompt: string): FaultRequest => ({
    label: "POST /v1/images/generations",
    path: "/v1/images/generations",
    key: "k",
    prompt,
    headers: {},
    asyncSubmit: false,
  });

  it("acts on a request only when the draw is under the probability; a miss is no hit and uses up no `times`", () => {
    const dice = [0.05, 0.5, 0.09, 0.99, 0.1, 0.01];
    const faults = new Faults({ failRate: 0, latencyMs: 0 }, () => dice.shift() ?? 1);
    const rule = faults.add(faultRuleSchema.parse({ action: "503", probability: 0.1, times: 3 }));
    const outcomes = Array.from({ length: 6 }, () => faults.decide(request("x")).outcome?.kind ?? "ok");
    // 0.05 < 0.1 fires, 0.5 misses, 0.09 fires, 0.99 misses, 0.1 is not < 0.1, 0.01 fires (the third and last use).
    expect(outcomes).toEqual(["error", "ok", "error", "ok", "ok", "error"]);
    expect(faults.list()).toEqual([]);
    expect(rule.hits).toBe(3);
  });

  it("draws only for requests the rule matches; a missed failing rule lets the next one act", () => {
    let draws = 0;
    const faults = new Faults({ failRate: 0, latencyMs: 0 }, () => {
      draws++;
      return 0.7;
    });
    faults.add(faultRuleSchema.parse({ match: { prompt_contains: "[only]" }, action: "500", probability: 0.5 }));
    faults.add(faultRuleSchema.parse({ action: "429", probability: 0.8 }));
    expect(faults.decide(request("elsewhere")).outcome).toMatchObject({ kind: "error", error: { status: 429 } });
    expect(draws).toBe(1);
    expect(faults.decide(request("[only]")).outcome).toMatchObject({ kind: "error", error: { status: 429 } });
    expect(draws).toBe(3);
  });

  it("over the HTTP control API, 0.25 of 400 requests fail about a quarter of the time; bad probabilities are 400", async () => {
    const rule = await emu.control.addFault({ match: { route: "GET /v1/models" }, action: "500", probability: 0.25 });
    expect(rule.probability).toBe(0.25);
    const statuses = [];
    for (let i = 0; i < 400; i++) statuses.push((await api(emu, "GET", "/v1/models")).status);
    const failed = statuses.filter((s) => s === 500).length;
    // Binomial(400, 0.25): mean 100, sd 8.7; 55..145 is more than 5 sd either side.
    expect(failed).toBeGreaterThan(55);
    expect(failed).toBeLessThan(145);
    expect(statuses.filter((s) => s !== 500 && s !== 200)).toEqual([]);
    const listed = (await (await fetch(`${emu.url}/_emulator/faults`)).json()) as { data: { id: string; hits: number }[] };
    expect(listed.data.find((r) => r.id === rule.id)?.hits).toBe(failed);
    for (const probability of [0, -0.1, 1.5, "0.5"]) {
      const bad = await fetch(`${emu.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "500", probability }) });
      expect(bad.status, String(probability)).toBe(400);
    }
  });
});

describe("control API", () => {
  it("sets and reads balances without a Bearer key", async () => {
    expect(await emu.control.setBalance("acct", 12.5)).toMatchObject({ key: "acct", balance: 12.5, reserved: 0, available: 12.5 });
    await generate("x", { key: "acct" }); // 3 credits
    expect((await emu.control.getBalance("acct")).balance).toBe(9.5);
    const bad = await fetch(`${emu.url}/_emulator/accounts/acct`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ balance: -1 }) });
    expect(bad.status).toBe(400);
  });

  it("reset clears tasks, faults, balances and stats", async () => {
    const { body } = await api<{ id: string }>(emu, "POST", "/v1/async/images/generations", { json: GEN });
    await emu.control.setBalance("acct", 1);
    await emu.control.addFault({ action: "500", match: { prompt_contains: "[reset]" } });
    await emu.control.reset();
    expect((await api(emu, "GET", `/v1/tasks/${body.id}`)).status).toBe(404);
    expect((await emu.control.getBalance("acct")).balance).toBe(10_000);
    expect((await generate("[reset]")).status).toBe(200);
    const stats = await emu.control.stats();
    expect(stats.tasks).toEqual({});
    expect(stats.routes["POST /v1/images/generations"]).toBe(1);
  });

  it("is off with control: false (EMULATOR_CONTROL=0), and env fail rate 1 fails every API call", async () => {
    const locked = await startTestEmulator({ control: false, failRate: 1 });
    try {
      expect((await fetch(`${locked.url}/_emulator/stats`)).status).toBe(404);
      const result = await api<Envelope>(locked, "GET", "/v1/models");
      expect([result.status, result.body.error.type]).toEqual([500, "server_error"]);
      // Files and health are not /v1 and stay up.
      expect((await fetch(`${locked.url}/healthz`)).status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it("env task fail rate 1 fails every async task", async () => {
    const flaky = await startTestEmulator({ taskFailRate: 1 });
    try {
      const { body } = await api<{ id: string }>(flaky, "POST", "/v1/async/images/generations", { json: GEN });
      expect((await waitForTask(flaky, body.id)).task.status).toBe("failed");
    } finally {
      await flaky.close();
    }
  });
});
