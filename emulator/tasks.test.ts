import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { GEN, api, download, waitForTask, type TaskView } from "./test-helpers";

type Submitted = { status: string; id: string; progress: number; created_at: number; model: string };

let emu: TestEmulator;
let slow: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  // Real time (3.5 s for a 1K flash-2 image, `submitted` for its first 350 ms): a shorter
  // scale let a loaded 2-core machine miss the `submitted` phase between two polls.
  slow = await startTestEmulator({ timeScale: 1 });
});
afterAll(async () => {
  await emu.close();
  await slow.close();
});

describe("async image tasks", () => {
  it("submit answers the documented shape, echoing the model as requested", async () => {
    const { status, body } = await api<Submitted>(emu, "POST", "/v1/async/images/generations", {
      json: { model: "nano-banana-2", prompt: GEN.prompt, size: "2048x2048" },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ status: "submitted", id: expect.stringMatching(/^task_[0-9A-HJKMNP-TV-Z]{26}$/), progress: 0, created_at: expect.any(Number), model: "nano-banana-2" });
  });

  it("moves submitted → processing (progress rising) → completed, then debits credits_cost", async () => {
    const key = "lifecycle-key";
    const before = (await slow.control.getBalance(key)).balance;
    const { body } = await api<Submitted>(slow, "POST", "/v1/async/images/generations", {
      key,
      json: { model: "gemini-3.1-flash-image-preview", prompt: "lifecycle", size: "1024x1024" },
    });
    // Held, not yet debited.
    const held = await slow.control.getBalance(key);
    expect([held.balance, held.reserved]).toEqual([before, 1.5]);

    const { task, seen } = await waitForTask(slow, body.id, key, 25);
    const statuses = [...new Set(seen.map((t) => t.status))];
    expect(statuses).toEqual(["submitted", "processing", "completed"]);
    const progress = seen.map((t) => t.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.filter((t) => t.status === "processing").some((t) => t.progress > 1 && t.progress < 100)).toBe(true);
    for (const t of seen.filter((t) => t.status !== "completed")) {
      expect(t.result).toBeUndefined();
      expect(t.completed).toBeUndefined();
      expect(t.credits_cost).toBe(0);
    }

    expect(task).toEqual({
      id: body.id,
      status: "completed",
      credits_cost: 1.5,
      model: "gemini-3.1-flash-image-preview",
      progress: 100,
      result: { type: "image", data: [{ url: expect.stringMatching(/\/files\/.+\.png$/) }] },
      created: body.created_at,
      completed: expect.any(Number),
    });
    expect(task.completed!).toBeGreaterThanOrEqual(task.created);
    const after = await slow.control.getBalance(key);
    expect([after.balance, after.reserved]).toEqual([before - 1.5, 0]);
    const image = await download(task.result!.data[0]!.url);
    expect((await sharp(image.bytes).metadata()).width).toBe(1024);
  });

  it("async edits work too and return every image of n", async () => {
    const input = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2050c0" } }).png().toBuffer();
    const form = new FormData();
    form.append("model", "gpt-image-2");
    form.append("prompt", "make it pop");
    form.append("n", "2");
    form.append("image", new Blob([new Uint8Array(input)], { type: "image/png" }), "in.png");
    const { status, body } = await api<Submitted>(emu, "POST", "/v1/async/images/edits", { form });
    expect(status).toBe(200);
    const { task } = await waitForTask(emu, body.id);
    expect(task.status).toBe("completed");
    expect(task.result!.data).toHaveLength(2);
    expect(task.credits_cost).toBe(4);
  });

  it("tasks belong to the key that created them", async () => {
    const { body } = await api<Submitted>(emu, "POST", "/v1/async/images/generations", { key: "owner", json: GEN });
    expect((await api(emu, "GET", `/v1/tasks/${body.id}`, { key: "owner" })).status).toBe(200);
    const other = await api<{ error: { type: string } }>(emu, "GET", `/v1/tasks/${body.id}`, { key: "someone-else" });
    expect(other.status).toBe(404);
    expect(other.body.error.type).toBe("not_found_error");
  });

  it("a task told to fail ends failed with an error object, debiting nothing", async () => {
    const key = "fail-key";
    const before = (await emu.control.getBalance(key)).balance;
    const { body } = await api<Submitted>(emu, "POST", "/v1/async/images/generations", {
      key,
      json: GEN,
      headers: { "x-emulator-fail": "task", "x-emulator-fail-message": "Content policy violation" },
    });
    const { task } = await waitForTask(emu, body.id, key);
    expect(task).toMatchObject({
      status: "failed",
      credits_cost: 0,
      error: { code: 500, type: "server_error", message: "Content policy violation" },
    });
    expect(task.result).toBeUndefined();
    expect(task.completed).toBeTypeOf("number");
    const after = await emu.control.getBalance(key);
    expect([after.balance, after.reserved]).toEqual([before, 0]);
  });

  it("holds credits while tasks run, so concurrent submits can't overspend", async () => {
    const key = "hold-key";
    await slow.control.setBalance(key, 4);
    const submit = () => api<Submitted>(slow, "POST", "/v1/async/images/generations", { key, json: { ...GEN, model: "gpt-image-2", prompt: "hold" } });
    const results = await Promise.all([submit(), submit(), submit()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 402]);
    await Promise.all(results.filter((r) => r.status === 200).map((r) => waitForTask(slow, r.body.id, key)));
    expect((await slow.control.getBalance(key)).balance).toBe(0);
  });

  it("counts polls per task in /_emulator/stats, with when each arrived", async () => {
    const { body } = await api<Submitted>(emu, "POST", "/v1/async/images/generations", { json: { ...GEN, prompt: "stats" } });
    const before = Date.now();
    const { seen } = await waitForTask(emu, body.id);
    const stats = await emu.control.stats();
    expect(stats.tasks[body.id]).toEqual({ polls: seen.length });
    const times = stats.pollTimes[body.id]!;
    expect(times).toHaveLength(seen.length);
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(stats.routes["GET /v1/tasks/:id"]).toBeGreaterThanOrEqual(seen.length);
    expect(stats.routes["POST /v1/async/images/generations"]).toBeGreaterThanOrEqual(1);
  });
});

export type { TaskView };
