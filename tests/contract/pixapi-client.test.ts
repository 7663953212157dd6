/**
 * lib/pixapi's contract, run twice with the same cases: against the emulator (Pixapi
 * itself, as far as tests can have it) and against the studio's own /v1 API with a
 * personal token (tests/contract/targets.ts). Every endpoint through the real client (zod
 * contract, reshape, multipart, downloads) and every task status transition.
 * Client-side failure handling and retries: pixapi-client-errors.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { estimateCredits } from "@/lib/catalog";

import { failureOf, PNG_MAGIC, pngFile, pollTask } from "./pixapi-support";
import { startTarget, TARGETS, type ContractTarget } from "./targets";

describe.each(TARGETS)("lib/pixapi contract against the %s", (name) => {
  let target: ContractTarget;

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(async () => {
    await target?.close();
  });
  beforeEach(async () => {
    await target.reset();
  });

  describe("GET /v1/models", () => {
    it("lists canonical models with category, capabilities and the documented aliases", async () => {
      const models = await target.client().listModels();
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
      const client = target.client();
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
      const out = await target.client().generateImages({
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
      const out = await target.client().editImages({ model: "gemini-3-pro-image-preview", prompt: "warm studio background", images });
      expect(out.images).toHaveLength(1);
      expect(out.images[0]?.kind).toBe("url");
    });

    it("debits exactly the shared price table's estimate", async () => {
      const request = { model: "gemini-3.1-flash-image-preview", prompt: "price check", n: 2, size: "2048x2048", quality: "high" as const };
      const before = await target.usage();
      await target.client().generateImages(request);
      const after = await target.usage();
      expect(after.charged - before.charged).toBeCloseTo(estimateCredits({ kind: "image", ...request }), 5);
      expect(after.held).toBe(0);
    });
  });

  describe("async tasks", () => {
    it("submitImageGeneration → getTask ends completed with image URLs and the credits charged", async () => {
      const client = target.client();
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
      const client = target.client();
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
      const client = target.client();
      const submitted = await client.submitVideoGeneration({ model: "veo", prompt: "waves at dusk", duration: 2, size: "16:9" });
      expect(submitted).toMatchObject({ status: "submitted", model: "veo" });
      const { task } = await pollTask(client, submitted.id, 100);
      expect(task).toMatchObject({ status: "completed", resultType: "video", progress: 100 });
      const file = await client.downloadMedia(task.urls[0]!);
      expect(file.contentType).toBe("video/mp4");
      expect(new TextDecoder().decode(file.bytes.subarray(4, 8))).toBe("ftyp");
    }, 120_000);

    it("reports a failed task with its reason, charges nothing and releases the hold", async () => {
      await target.emulator.control.addFault({ match: { prompt_contains: "doomed" }, action: "task_fail", message: "Model provider refused the prompt" });
      const client = target.client();
      const before = await target.usage();
      const submitted = await client.submitImageGeneration({ model: "nano-banana", prompt: "doomed" });
      expect(submitted.status).toBe("submitted");
      const { task } = await pollTask(client, submitted.id);
      expect(task.status).toBe("failed");
      expect(task.error?.message).toMatch(/Model provider refused the prompt/);
      expect(task.error?.code).toBe("server_error");
      expect(task.urls).toEqual([]);
      expect(task.creditsCost).toBe(0);
      expect(task.completedAt).toBeInstanceOf(Date);
      expect(await target.usage()).toEqual({ charged: before.charged, held: 0 });
    });
  });

  describe("status transitions (scaled time)", () => {
    beforeAll(() => target.useSlow(true));
    afterAll(() => target.useSlow(false));

    it("goes submitted → processing (progress rising) → completed", async () => {
      const client = target.client();
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
      await target.emulator.control.addFault({ match: { prompt_contains: "phases fail" }, action: "task_fail" });
      const client = target.client();
      const submitted = await client.submitImageGeneration({ model: "gemini-3-pro-image-preview", prompt: "phases fail", quality: "low" });
      const { task, seen } = await pollTask(client, submitted.id);
      const phases = [submitted, ...seen].map((t) => t.status).filter((s, i, all) => s !== all[i - 1]);
      expect(phases).toEqual(["submitted", "processing", "failed"]);
      expect(task.error?.message).toMatch(/failed/i);
    });
  });

  describe("errors the caller can act on", () => {
    const IMAGE = { model: "nano-banana", prompt: "a ceramic cup" };
    const cases: Array<[string, (t: ContractTarget) => Promise<unknown>]> = [
      ["unknown model", (t) => t.client().generateImages({ model: "dall-e-9", prompt: "x" })],
      ["size out of range", (t) => t.client().generateImages({ ...IMAGE, size: "100x100" })],
      ["too many images", (t) => t.client().submitImageGeneration({ ...IMAGE, n: 5 })],
      ["video model on an image endpoint", (t) => t.client().generateImages({ model: "veo", prompt: "x" })],
      ["image model on the video endpoint", (t) => t.client().submitVideoGeneration({ model: "gpt-image-2", prompt: "x" })],
      [
        "an upload that is not an image",
        (t) => t.client().editImages({ ...IMAGE, images: [new File([new TextEncoder().encode("just text")], "notes.png", { type: "image/png" })] }),
      ],
    ];

    it.each(cases)("400 invalid_request_error: %s", async (_case, call) => {
      const err = await failureOf(call(target));
      expect(err).toMatchObject({ type: "invalid_request_error", status: 400, retryable: false });
      expect(err.message.length).toBeGreaterThan(0);
    });

    it("404 not_found_error: an unknown task", async () => {
      const err = await failureOf(target.client().getTask(`task_${"0".repeat(32)}`));
      expect(err).toMatchObject({ type: "not_found_error", status: 404, retryable: false });
    });

    it("401 authentication_error: a wrong key", async () => {
      const err = await failureOf(target.client({ apiKey: "psk_wrong_0000000000000000000000000000000000000" }).listModels());
      expect(err).toMatchObject({ type: "authentication_error", status: 401, retryable: false });
    });

    it("402 insufficient_credits: an account that cannot pay refuses sync and async generations", async () => {
      await target.exhaust();
      for (const call of [target.client().generateImages(IMAGE), target.client().submitVideoGeneration({ model: "veo", prompt: "x" })]) {
        const err = await failureOf(call);
        expect(err).toMatchObject({ type: "insufficient_credits", status: 402, retryable: false });
      }
    });
  });
});
