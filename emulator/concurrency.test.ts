import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { GEN, api, waitForTask } from "./test-helpers";

let emu: TestEmulator;
beforeAll(async () => {
  // Slow enough that every poll below sees a running task.
  emu = await startTestEmulator({ timeScale: 1 });
});
afterAll(() => emu.close());

describe("under load", () => {
  it("serves 200 concurrent task polls without errors", async () => {
    const { body } = await api<{ id: string }>(emu, "POST", "/v1/async/images/generations", { json: { ...GEN, prompt: "load" } });
    const polls = await Promise.all(Array.from({ length: 200 }, () => api<{ id: string; status: string }>(emu, "GET", `/v1/tasks/${body.id}`)));
    expect(polls.map((p) => p.status)).toEqual(Array(200).fill(200));
    expect(new Set(polls.map((p) => p.body.id))).toEqual(new Set([body.id]));
    expect((await emu.control.stats()).tasks[body.id]!.polls).toBe(200);
  });

  it("renders identical concurrent requests once and answers them all", async () => {
    const fast = await startTestEmulator();
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, () => api<{ data: { b64_json: string }[] }>(fast, "POST", "/v1/images/generations", { json: { ...GEN, prompt: "same", response_format: "b64_json" } })),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(new Set(results.map((r) => r.body.data[0]!.b64_json)).size).toBe(1);
      const tasks = await Promise.all(Array.from({ length: 20 }, (_, i) => api<{ id: string }>(fast, "POST", "/v1/async/images/generations", { json: { ...GEN, prompt: `t${i}` } })));
      const done = await Promise.all(tasks.map((t) => waitForTask(fast, t.body.id)));
      expect(done.every((d) => d.task.status === "completed")).toBe(true);
    } finally {
      await fast.close();
    }
  });
});
