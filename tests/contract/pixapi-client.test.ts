/**
 * lib/pixapi against a live emulator: every endpoint, through the real client (zod
 * contract, reshape, multipart, downloads) and every task status transition.
 * Failure types and retry behaviour: pixapi-client-errors.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { estimateCredits } from "@/lib/pixapi/pricing";
import { startTestEmulator, type TestEmulator } from "@/tests/support/emulator";

import { clientFor, KEY, PNG_MAGIC, pngFile, pollTask, withHeaders } from "./pixapi-support";

let emu: TestEmulator;
let slow: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ keys: [KEY] });
  // Scaled so a small pro image takes ~1.8 s: long enough to watch every phase go by.
  slow = await startTestEmulator({ keys: [KEY], timeScale: 0.5 });
});
afterAll(async () => {
  await Promise.all([emu?.close(), slow?.close()]);
});
beforeEach(async () => {
  await emu.control.reset();
});

describe("GET /v1/models", () => {
  it("lists canonical models with category, capabilities and the documented aliases", async () => {
    const models = await clientFor(emu).listModels();
    const byId = Object.fromEntries(models.map((m) => [m.id, m]));
    expect(Object.keys(byId)).toEqual(
      expect.arrayContaining(["gemini-2.5-flash-image", "gemini-3.1-flash-image-preview", "gemini-3-pro-image-preview", "gpt-image-2", "veo"]),
    );
    expect(byId["gemini-2.5-flash-image"]?.aliases).toEqual(["nano-banana"]);
    expect(byId["gemini-3.1-flash-image-preview"]?.aliases).toEqual(["nano-banana-2"]);
    expect(byId["gemini-3-pro-image-preview"]).toMatchObject({
      category: "image",
      capabilities: expect.arrayContaining(["text-to-image", "image-to-image"]),
      aliases: ["nano-banana-pro"],
    });
    expect(byId.veo).toMatchObject({ category: "video", aliases: [] });
    // Aliases are accepted in requests but never listed.
    expect(models.map((m) => m.id)).not.toContain("nano-banana");
  });
});

describe("sync images", () => {
  it("generateImages returns URLs that downloadMedia copies as PNG bytes", async () => {
    const client = clientFor(emu);
    const out = await client.generateImages({ model: "nano-banana", prompt: "a ceramic cup", n: 2, size: "1024x1024" });
    expect(out.createdAt).toBeInstanceOf(Date);
    expect(out.images).toHaveLength(2);
    for (const image of out.images) {
      expect(image.kind).toBe("url");
      if (image.kind !== "url") continue;
      const file = await client.downloadMedia(image.url);
      expect(file.contentType).toBe("image/png");
      expect(file.size).toBe(file.bytes.byteLength);
      expect(Array.from(file.bytes.subarray(0, 4))).toEqual(PNG_MAGIC);
    }
  });

  it("generateImages with responseFormat b64_json returns base64 image data", async () => {
    const out = await clientFor(emu).generateImages({
      model: "gpt-image-2",
      prompt: "a lighthouse",
      size: "1024x1536",
      quality: "low",
      responseFormat: "b64_json",
    });
    const [image] = out.images;
    expect(image?.kind).toBe("base64");
    if (image?.kind !== "base64") return;
    expect(Array.from(Buffer.from(image.base64, "base64").subarray(0, 4))).toEqual(PNG_MAGIC);
  });

  it("editImages sends several image parts as multipart and gets results back", async () => {
    const images = [await pngFile("product.png", { r: 200, g: 80, b: 40 }), await pngFile("style.png", { r: 20, g: 90, b: 200 })];
    const out = await clientFor(emu).editImages({ model: "gemini-3-pro-image-preview", prompt: "warm studio background", images });
    expect(out.images).toHaveLength(1);
    expect(out.images[0]?.kind).toBe("url");
  });

  it("debits exactly the shared price table's estimate", async () => {
    const request = { model: "gemini-3.1-flash-image-preview", prompt: "price check", n: 2, size: "2048x2048", quality: "high" as const };
    const before = await emu.control.getBalance(KEY);
    await clientFor(emu).generateImages(request);
    const after = await emu.control.getBalance(KEY);
    expect(before.balance - after.balance).toBeCloseTo(estimateCredits({ kind: "image", ...request }), 5);
  });
});

describe("async tasks", () => {
  it("submitImageGeneration → getTask ends completed with image URLs and the credits charged", async () => {
    const client = clientFor(emu);
    const request = { model: "nano-banana-2", prompt: "async cup", size: "1024x1024", quality: "medium" as const };
    const submitted = await client.submitImageGeneration(request);
    expect(submitted).toMatchObject({ status: "submitted", progress: 0, model: "nano-banana-2", urls: [], creditsCost: null });
    expect(submitted.id).toMatch(/^task_/);
    expect(submitted.createdAt).toBeInstanceOf(Date);

    const { task } = await pollTask(client, submitted.id);
    expect(task).toMatchObject({
      id: submitted.id,
      status: "completed",
      progress: 100,
      resultType: "image",
      creditsCost: estimateCredits({ kind: "image", ...request }),
    });
    expect(task.urls).toHaveLength(1);
    expect(task.completedAt).toBeInstanceOf(Date);
    expect(task.error).toBeUndefined();
    const file = await client.downloadMedia(task.urls[0]!);
    expect(file.contentType).toBe("image/png");
  });

  it("submitImageEdit (multipart) completes", async () => {
    const client = clientFor(emu);
    const submitted = await client.submitImageEdit({
      model: "gpt-image-2",
      prompt: "make it night",
      n: 2,
      images: [await pngFile("day.png", { r: 250, g: 230, b: 120 })],
    });
    const { task } = await pollTask(client, submitted.id);
    expect(task).toMatchObject({ status: "completed", resultType: "image" });
    expect(task.urls).toHaveLength(2);
  });

  it("submitVideoGeneration completes with a playable MP4", async () => {
    const client = clientFor(emu);
    const submitted = await client.submitVideoGeneration({ model: "veo", prompt: "waves at dusk", duration: 2, size: "16:9" });
    expect(submitted).toMatchObject({ status: "submitted", model: "veo" });
    const { task } = await pollTask(client, submitted.id, 100);
    expect(task).toMatchObject({ status: "completed", resultType: "video", progress: 100 });
    const file = await client.downloadMedia(task.urls[0]!);
    expect(file.contentType).toBe("video/mp4");
    expect(new TextDecoder().decode(file.bytes.subarray(4, 8))).toBe("ftyp");
  });

  it("reports a failed task with its reason, charges nothing and releases the hold", async () => {
    const client = clientFor(emu, { fetch: withHeaders({ "x-emulator-fail": "task", "x-emulator-fail-message": "Model provider refused the prompt" }) });
    const before = await emu.control.getBalance(KEY);
    const submitted = await client.submitImageGeneration({ model: "nano-banana", prompt: "doomed" });
    expect(submitted.status).toBe("submitted");
    const { task } = await pollTask(clientFor(emu), submitted.id);
    expect(task.status).toBe("failed");
    expect(task.error).toEqual({ message: "Model provider refused the prompt", code: "server_error" });
    expect(task.urls).toEqual([]);
    expect(task.creditsCost).toBe(0);
    expect(task.completedAt).toBeInstanceOf(Date);
    expect(await emu.control.getBalance(KEY)).toMatchObject({ balance: before.balance, reserved: 0 });
  });
});

describe("status transitions (scaled time)", () => {
  it("goes submitted → processing (progress rising) → completed", async () => {
    const client = clientFor(slow);
    const submitted = await client.submitImageGeneration({ model: "gemini-3-pro-image-preview", prompt: "phases", quality: "low" });
    const { task, seen } = await pollTask(client, submitted.id);
    const phases = [submitted, ...seen].map((t) => t.status).filter((s, i, all) => s !== all[i - 1]);
    expect(phases).toEqual(["submitted", "processing", "completed"]);
    const progress = seen.map((t) => t.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.some((t) => t.status === "processing" && t.progress > 0 && t.progress < 100)).toBe(true);
    expect(seen.filter((t) => t.status !== "completed").every((t) => t.urls.length === 0 && t.completedAt === undefined)).toBe(true);
    expect(task.urls).toHaveLength(1);
  });

  it("goes submitted → processing → failed when the task fails", async () => {
    const submitter = clientFor(slow, { fetch: withHeaders({ "x-emulator-fail": "task" }) });
    const submitted = await submitter.submitImageGeneration({ model: "gemini-3-pro-image-preview", prompt: "phases fail", quality: "low" });
    const { task, seen } = await pollTask(clientFor(slow), submitted.id);
    const phases = [submitted, ...seen].map((t) => t.status).filter((s, i, all) => s !== all[i - 1]);
    expect(phases).toEqual(["submitted", "processing", "failed"]);
    expect(task.error?.message).toMatch(/failed/i);
  });
});
