/**
 * lib/pixapi against a live emulator: every failure becomes the right PixapiError (and
 * AppError), and only reads are retried — counted by the emulator's own request stats.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { type PixapiError, toAppError } from "@/lib/pixapi";
import { startTestEmulator, type TestEmulator } from "@/tests/support/emulator";

import { clientFor, failureOf, FAST_RETRY, KEY, pngFile, routeCount, withHeaders } from "./pixapi-support";

const GEN = "POST /v1/images/generations";
const ASYNC_GEN = "POST /v1/async/images/generations";
const MODELS = "GET /v1/models";
const TASK = "GET /v1/tasks/:id";
const FILES = "GET /files/:name";
const IMAGE = { model: "nano-banana", prompt: "a ceramic cup" };

let emu: TestEmulator;
beforeAll(async () => {
  // A small upload limit so a 413 needs only a small file.
  emu = await startTestEmulator({ keys: [KEY], maxUploadBytes: 64 * 1024 });
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(async () => {
  await emu.control.reset();
});

const stats = () => emu.control.stats();

/** Whatever the failure, neither the studio's error nor the upstream one may carry the key. */
function expectNoKey(error: PixapiError): void {
  expect(error.message).not.toContain(KEY);
  expect(JSON.stringify(toAppError(error).toEnvelope())).not.toContain(KEY);
}

describe("400 invalid_request_error", () => {
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    ["unknown model", () => clientFor(emu).generateImages({ model: "dall-e-9", prompt: "x" }), /Unknown model 'dall-e-9'/],
    ["size out of range", () => clientFor(emu).generateImages({ ...IMAGE, size: "100x100" }), /'size'/],
    ["too many images", () => clientFor(emu).submitImageGeneration({ ...IMAGE, n: 5 }), /'n' must be between/],
    ["video model on an image endpoint", () => clientFor(emu).generateImages({ model: "veo", prompt: "x" }), /video model/],
    ["image model on the video endpoint", () => clientFor(emu).submitVideoGeneration({ model: "gpt-image-2", prompt: "x" }), /image model/],
    [
      "an upload that is not an image",
      () =>
        clientFor(emu).editImages({
          ...IMAGE,
          images: [new File([new TextEncoder().encode("just text")], "notes.png", { type: "image/png" })],
        }),
      /not a PNG, JPEG or WebP/,
    ],
  ];

  it.each(cases)("%s", async (_name, call, message) => {
    const err = await failureOf(call());
    expect(err).toMatchObject({ type: "invalid_request_error", status: 400, retryable: false });
    expect(err.message).toMatch(message);
    const app = toAppError(err);
    expect(app).toMatchObject({ type: "invalid_request_error", status: 400, message: err.message });
  });
});

describe("413", () => {
  it("413: an upload over Pixapi's limit stays a size problem for the user", async () => {
    const big = new File([new Uint8Array(200 * 1024)], "huge.png", { type: "image/png" });
    const err = await failureOf(clientFor(emu).editImages({ ...IMAGE, images: [big] }));
    expect(err).toMatchObject({ type: "invalid_request_error", status: 413, retryable: false });
    expect(toAppError(err)).toMatchObject({ type: "payload_too_large", status: 413 });
  });
});

describe("401, 402, 404", () => {
  it("401: a rejected key is the studio's problem (502), never echoed, never retried", async () => {
    const wrongKey = "sk_wrong_key_9876543210";
    const err = await failureOf(clientFor(emu, { apiKey: wrongKey }).listModels());
    expect(err).toMatchObject({ type: "authentication_error", status: 401, retryable: false });
    expect(err.message).not.toContain(wrongKey);
    const app = toAppError(err);
    expect(app).toMatchObject({ type: "upstream_error", status: 502 });
    expect(app.message).toMatch(/studio's Pixapi key was rejected/);
    expect(app.message).not.toContain(wrongKey);
    expect(routeCount(await stats(), MODELS)).toBe(1);
  });

  it("402: an empty account refuses sync and async generations", async () => {
    await emu.control.setBalance(KEY, 0);
    const sync = await failureOf(clientFor(emu).generateImages(IMAGE));
    const video = await failureOf(clientFor(emu).submitVideoGeneration({ model: "veo", prompt: "x" }));
    for (const err of [sync, video]) {
      expect(err).toMatchObject({ type: "insufficient_credits", status: 402, retryable: false });
      expect(toAppError(err)).toMatchObject({ type: "insufficient_credits", status: 402 });
      expect(toAppError(err).message).toMatch(/studio's Pixapi account is out of credits/);
      expectNoKey(err);
    }
    expect(routeCount(await stats(), GEN)).toBe(1);
  });

  it("404: an unknown task is not_found_error and is not retried", async () => {
    const err = await failureOf(clientFor(emu).getTask("task_01NOSUCHTASK000000000000000"));
    expect(err).toMatchObject({ type: "not_found_error", status: 404, retryable: false });
    expect(toAppError(err)).toMatchObject({ type: "not_found_error", status: 404 });
    expect(routeCount(await stats(), TASK)).toBe(1);
  });
});

describe("429 rate_limit_error", () => {
  it("a POST answers rate_limit_error with retryAfter and is sent exactly once", async () => {
    // The cap is raised so that only "POST is never retried" stops a retry here.
    const client = clientFor(emu, {
      fetch: withHeaders({ "x-emulator-fail": "429", "x-emulator-retry-after": "2" }),
      retry: { ...FAST_RETRY, maxMs: 60_000 },
    });
    const err = await failureOf(client.submitImageGeneration(IMAGE));
    expect(err).toMatchObject({ type: "rate_limit_error", status: 429, retryAfter: 2, retryable: true });
    expect(toAppError(err)).toMatchObject({ type: "rate_limit_error", status: 429, retryAfter: 2 });
    expect(toAppError(err).message).toMatch(/2 seconds/);
    expect(routeCount(await stats(), ASYNC_GEN)).toBe(1);
  });

  it("a read honours a short Retry-After and retries until it succeeds", async () => {
    await emu.control.addFault({ match: { route: MODELS }, action: "429", times: 2, retry_after: 0 });
    const models = await clientFor(emu).listModels();
    expect(models.length).toBeGreaterThan(0);
    expect(routeCount(await stats(), MODELS)).toBe(3);
  });

  it("a read does not wait out a Retry-After longer than the cap: it fails at once with retryAfter", async () => {
    await emu.control.addFault({ match: { route: MODELS }, action: "429", retry_after: 30 });
    const err = await failureOf(clientFor(emu).listModels());
    expect(err).toMatchObject({ type: "rate_limit_error", retryAfter: 30 });
    expect(routeCount(await stats(), MODELS)).toBe(1);
  });
});

describe("5xx server_error", () => {
  it.each(["500", "502", "503"])("a POST failing with %s is sent exactly once", async (code) => {
    const client = clientFor(emu, { fetch: withHeaders({ "x-emulator-fail": code }) });
    const err = await failureOf(client.generateImages(IMAGE));
    expect(err).toMatchObject({ type: "server_error", status: Number(code), retryable: true });
    expect(toAppError(err)).toMatchObject({ type: "upstream_error", status: 502 });
    expect(routeCount(await stats(), GEN)).toBe(1);
  });

  it("a multipart POST failing with 503 is sent exactly once", async () => {
    const client = clientFor(emu, { fetch: withHeaders({ "x-emulator-fail": "503" }) });
    const image = await pngFile("a.png", { r: 1, g: 2, b: 3 });
    await failureOf(client.submitImageEdit({ ...IMAGE, images: [image] }));
    expect(routeCount(await stats(), "POST /v1/async/images/edits")).toBe(1);
  });

  it("a read failing every time is tried `attempts` times, then fails", async () => {
    const client = clientFor(emu, { fetch: withHeaders({ "x-emulator-fail": "503" }) });
    const err = await failureOf(client.listModels());
    expect(err).toMatchObject({ type: "server_error", status: 503 });
    expect(routeCount(await stats(), MODELS)).toBe(FAST_RETRY.attempts);
  });

  it("a task poll recovers from transient 502s", async () => {
    const client = clientFor(emu);
    const { id } = await client.submitImageGeneration(IMAGE);
    await emu.control.addFault({ match: { route: TASK }, action: "502", times: 2 });
    const task = await client.getTask(id);
    expect(task.id).toBe(id);
    expect((await stats()).tasks[id]?.polls).toBe(3);
  });

  it("downloadMedia is a read too: retried after a 500 on the file", async () => {
    const client = clientFor(emu);
    const out = await client.generateImages(IMAGE);
    const image = out.images[0];
    if (image?.kind !== "url") throw new Error("expected a URL result");
    await emu.control.addFault({ match: { route: FILES }, action: "500", times: 1 });
    const file = await client.downloadMedia(image.url);
    expect(file.contentType).toBe("image/png");
    expect(routeCount(await stats(), FILES)).toBe(2);
  });

  it("downloadMedia refuses a file over the size limit", async () => {
    const client = clientFor(emu);
    const out = await client.generateImages(IMAGE);
    const image = out.images[0];
    if (image?.kind !== "url") throw new Error("expected a URL result");
    const err = await failureOf(client.downloadMedia(image.url, { maxBytes: 100 }));
    expect(err.type).toBe("media_too_large");
    expect(routeCount(await stats(), FILES)).toBe(1);
  });
});

describe("timeouts, network errors, cancellation", () => {
  it("a hanging POST times out (upstream_timeout 504) and is not resent", async () => {
    const client = clientFor(emu, { timeoutMs: 300, fetch: withHeaders({ "x-emulator-fail": "hang" }) });
    const err = await failureOf(client.submitVideoGeneration({ model: "veo", prompt: "x" }));
    expect(err).toMatchObject({ type: "timeout", status: 0, retryable: true });
    expect(toAppError(err)).toMatchObject({ type: "upstream_timeout", status: 504 });
    expect(routeCount(await stats(), "POST /v1/async/videos/generations")).toBe(1);
  });

  it("a slow read (injected latency) times out once; a timeout is not retried", async () => {
    const client = clientFor(emu, { timeoutMs: 300, fetch: withHeaders({ "x-emulator-latency-ms": "5000" }) });
    const err = await failureOf(client.listModels());
    expect(err.type).toBe("timeout");
    expect(routeCount(await stats(), MODELS)).toBe(1);
  });

  it("a refused connection is network_error (502); reads retry it, POSTs do not", async () => {
    const dead = await startTestEmulator();
    const baseUrl = dead.baseUrl;
    await dead.close();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const read = await failureOf(clientFor(emu, { baseUrl, fetch: counting }).listModels());
    expect(read).toMatchObject({ type: "network_error", status: 0, retryable: true });
    expect(toAppError(read)).toMatchObject({ type: "upstream_error", status: 502 });
    expect(calls).toBe(FAST_RETRY.attempts);

    calls = 0;
    const write = await failureOf(clientFor(emu, { baseUrl, fetch: counting }).generateImages(IMAGE));
    expect(write.type).toBe("network_error");
    expect(calls).toBe(1);
  });

  it("a caller's abort ends the request with the caller's reason, not a PixapiError", async () => {
    const controller = new AbortController();
    const client = clientFor(emu, { fetch: withHeaders({ "x-emulator-fail": "hang" }) });
    const pending = client.getTask("task_01NOSUCHTASK000000000000000", { signal: controller.signal });
    controller.abort(new Error("user navigated away"));
    await expect(pending).rejects.toThrow("user navigated away");
  });
});
