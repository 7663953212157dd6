import { describe, expect, it } from "vitest";

import { createPixapiClient } from "./client";
import { PixapiError } from "./errors";
import { fakeFetch, type FakeFetch, json } from "./test-support/fake-fetch";

const KEY = "sk_test_0123456789abcdef";
const SUBMITTED = { status: "submitted", id: "task_01", progress: 0, created_at: 1703884800, model: "veo", extra: "ignored" };
const IMAGES = { created: 1766880000, data: [{ url: "https://cdn.pixapi.test/a.png" }, { b64_json: "iVBORw0KGgo=" }] };

function client(f: FakeFetch) {
  return createPixapiClient({ baseUrl: "http://pixapi.test", apiKey: KEY, timeoutMs: 5_000, fetch: f.fetch });
}

function sentJson(f: FakeFetch, i = 0): unknown {
  return JSON.parse(String(f.calls[i]?.body));
}

describe("JSON endpoints", () => {
  it("generateImages posts the OpenAI-style body and reshapes data[]", async () => {
    const f = fakeFetch(json(200, IMAGES));
    const out = await client(f).generateImages({
      model: "nano-banana-pro",
      prompt: "A ceramic cup",
      n: 2,
      size: "1024x1024",
      quality: "high",
      responseFormat: "url",
    });
    expect(f.calls[0]).toMatchObject({ url: "http://pixapi.test/v1/images/generations", method: "POST" });
    expect(f.calls[0]?.headers.get("content-type")).toBe("application/json");
    expect(sentJson(f)).toEqual({
      model: "nano-banana-pro",
      prompt: "A ceramic cup",
      n: 2,
      size: "1024x1024",
      quality: "high",
      response_format: "url",
    });
    expect(out.createdAt).toEqual(new Date(1766880000 * 1000));
    expect(out.images).toEqual([
      { kind: "url", url: "https://cdn.pixapi.test/a.png" },
      { kind: "base64", base64: "iVBORw0KGgo=" },
    ]);
  });

  it("submitImageGeneration and submitVideoGeneration post to the async endpoints", async () => {
    const f = fakeFetch(json(200, SUBMITTED));
    const c = client(f);
    const task = await c.submitImageGeneration({ model: "gemini-3.1-flash-image-preview", prompt: "cup", size: "2048x2048" });
    await c.submitVideoGeneration({
      model: "veo",
      prompt: "waves",
      duration: 8,
      size: "16:9",
      inputImage: "https://studio.test/media/1?sig=abc",
    });
    expect(f.calls.map((c) => c.url)).toEqual([
      "http://pixapi.test/v1/async/images/generations",
      "http://pixapi.test/v1/async/videos/generations",
    ]);
    expect(sentJson(f, 1)).toEqual({
      model: "veo",
      prompt: "waves",
      duration: 8,
      size: "16:9",
      input_image: "https://studio.test/media/1?sig=abc",
    });
    expect(task).toEqual({
      id: "task_01",
      status: "submitted",
      upstreamStatus: "submitted",
      progress: 0,
      creditsCost: null,
      resultType: null,
      urls: [],
      model: "veo",
      createdAt: new Date(1703884800 * 1000),
    });
  });

  it("getTask encodes the id and listModels adds documented aliases", async () => {
    const f = fakeFetch(
      json(200, { id: "task_01", status: "processing", progress: 40, created: 1763088289 }),
      json(200, {
        object: "list",
        data: [
          { id: "gemini-3-pro-image-preview", object: "model", category: "image", capabilities: ["text-to-image", "image-to-image"] },
          { id: "veo", object: "model", category: "video", capabilities: ["text-to-video"] },
        ],
      }),
    );
    const c = client(f);
    const task = await c.getTask("task_01");
    expect(task).toMatchObject({ id: "task_01", status: "processing", progress: 40 });
    expect(f.calls[0]).toMatchObject({ url: "http://pixapi.test/v1/tasks/task_01", method: "GET" });
    const models = await c.listModels();
    expect(models).toEqual([
      {
        id: "gemini-3-pro-image-preview",
        category: "image",
        capabilities: ["text-to-image", "image-to-image"],
        aliases: ["nano-banana-pro"],
      },
      { id: "veo", category: "video", capabilities: ["text-to-video"], aliases: [] },
    ]);
  });

  it("refuses an invalid request before spending anything", async () => {
    const f = fakeFetch(json(200, SUBMITTED));
    const c = client(f);
    const errors = await Promise.all([
      c.generateImages({ model: "gpt-image-2", prompt: "   " }).catch((e: unknown) => e),
      c.submitVideoGeneration({ model: "veo", prompt: "x", inputImage: "file:///etc/passwd" }).catch((e: unknown) => e),
      c.getTask("../models").catch((e: unknown) => e),
      c.editImages({ model: "gpt-image-2", prompt: "x", images: [] }).catch((e: unknown) => e),
    ]);
    for (const err of errors) {
      expect(err).toBeInstanceOf(PixapiError);
      expect((err as PixapiError).type).toBe("invalid_request_error");
    }
    expect(f.calls).toHaveLength(0);
  });
});

describe("multipart edits", () => {
  it("sends every image as an `image` part with filename and type", async () => {
    const f = fakeFetch(json(200, IMAGES), json(200, SUBMITTED));
    const c = client(f);
    const png = new File([new Uint8Array([137, 80, 78, 71])], "product.png", { type: "image/png" });
    const untyped = new Blob([new Uint8Array([255, 216, 255])]);
    await c.editImages({
      model: "gpt-image-2",
      prompt: "warm studio background",
      n: 1,
      size: "1024x1024",
      images: [png, { data: untyped, filename: "ref.JPG" }],
    });
    await c.submitImageEdit({ model: "nano-banana", prompt: "same", images: [png] });

    expect(f.calls.map((c) => c.url)).toEqual(["http://pixapi.test/v1/images/edits", "http://pixapi.test/v1/async/images/edits"]);
    // fetch must set the multipart boundary itself.
    expect(f.calls[0]?.headers.get("content-type")).toBeNull();
    const form = f.calls[0]?.body;
    expect(form).toBeInstanceOf(FormData);
    const fd = form as FormData;
    expect(fd.get("model")).toBe("gpt-image-2");
    expect(fd.get("prompt")).toBe("warm studio background");
    expect(fd.get("n")).toBe("1");
    expect(fd.get("size")).toBe("1024x1024");
    const images = fd.getAll("image") as File[];
    expect(images.map((i) => [i.name, i.type, i.size])).toEqual([
      ["product.png", "image/png", 4],
      ["ref.JPG", "image/jpeg", 3],
    ]);

    // And it serialises as real multipart/form-data.
    const encoded = new Request("http://x", { method: "POST", body: fd });
    expect(encoded.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const raw = await encoded.text();
    expect(raw).toContain('name="image"; filename="product.png"');
    expect(raw).toContain("Content-Type: image/jpeg");
  });
});
