import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { GEN, api } from "./test-helpers";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

type Envelope = { error: { code: number; message: string; type: string } };

function expectEnvelope(result: { status: number; body: unknown }, status: number, type: string, message?: RegExp) {
  expect(result.status).toBe(status);
  const { error } = result.body as Envelope;
  expect(Object.keys(result.body as object)).toEqual(["error"]);
  expect(error.code).toBe(status);
  expect(error.type).toBe(type);
  expect(error.message).toBeTypeOf("string");
  expect(error.message.length).toBeGreaterThan(0);
  if (message) expect(error.message).toMatch(message);
}

describe("invalid_request_error (400) on the image endpoints", () => {
  const cases: [string, unknown, RegExp][] = [
    ["missing prompt", { model: GEN.model }, /prompt/],
    ["empty prompt", { ...GEN, prompt: "   " }, /prompt/],
    ["prompt not a string", { ...GEN, prompt: 42 }, /prompt/],
    ["missing model", { prompt: "x" }, /model/],
    ["unknown model", { ...GEN, model: "dall-e-9" }, /Unknown model 'dall-e-9'/],
    ["video model on an image endpoint", { ...GEN, model: "veo" }, /video model/],
    ["size not WxH", { ...GEN, size: "big" }, /size/],
    ["size too small", { ...GEN, size: "64x64" }, /size/],
    ["size too wide", { ...GEN, size: "4096x1024" }, /aspect ratio/],
    ["n = 0", { ...GEN, n: 0 }, /'n'/],
    ["n = 5", { ...GEN, n: 5 }, /'n'/],
    ["n fractional", { ...GEN, n: 1.5 }, /'n'/],
    ["bad quality", { ...GEN, quality: "ultra" }, /quality/],
    ["bad response_format", { ...GEN, response_format: "jpeg" }, /response_format/],
    ["bad output_format", { ...GEN, output_format: "gif" }, /output_format/],
    ["deprecated async body field", { ...GEN, async: true }, /\/v1\/async\/images\/generations/],
    ["streaming", { ...GEN, stream: true }, /Streaming/],
    ["JSON array body", [GEN], /JSON object/],
  ];
  for (const [name, json, message] of cases) {
    it(name, async () => {
      expectEnvelope(await api(emu, "POST", "/v1/images/generations", { json }), 400, "invalid_request_error", message);
    });
  }

  it("malformed JSON", async () => {
    expectEnvelope(await api(emu, "POST", "/v1/images/generations", { json: '{"model": "gpt-image-2",' }), 400, "invalid_request_error", /Malformed JSON/);
  });

  it("the deprecated ?async=true query points to /v1/async/*", async () => {
    expectEnvelope(await api(emu, "POST", "/v1/images/generations?async=true", { json: GEN }), 400, "invalid_request_error", /\/v1\/async\/images\/generations/);
  });

  it("the async endpoints validate the same fields", async () => {
    expectEnvelope(await api(emu, "POST", "/v1/async/images/generations", { json: { ...GEN, n: 10 } }), 400, "invalid_request_error", /'n'/);
  });

  it("an image model on the video endpoint, and bad video fields", async () => {
    const video = { model: "veo", prompt: "waves" };
    const cases: [unknown, RegExp][] = [
      [{ ...video, model: "gpt-image-2" }, /image model/],
      [{ ...video, model: "nano-banana" }, /image model/],
      [{ ...video, size: "1024x1024" }, /size/],
      [{ ...video, duration: 0 }, /duration/],
      [{ ...video, duration: 2.5 }, /duration/],
      [{ ...video, duration: "long" }, /duration/],
      [{ ...video, input_image: "not a url" }, /input_image/],
      [{ ...video, input_image: "ftp://example.com/a.png" }, /input_image/],
      [{ ...video, prompt: "" }, /prompt/],
    ];
    for (const [json, message] of cases) {
      expectEnvelope(await api(emu, "POST", "/v1/async/videos/generations", { json }), 400, "invalid_request_error", message);
    }
  });

  it("a JSON endpoint sent something other than JSON", async () => {
    const result = await api(emu, "POST", "/v1/images/generations", { headers: { "content-type": "text/plain" } });
    expectEnvelope(result, 400, "invalid_request_error", /application\/json/);
  });
});

describe("authentication_error (401)", () => {
  it("without a key, with a malformed header, and on every /v1 route", async () => {
    expectEnvelope(await api(emu, "POST", "/v1/images/generations", { key: null, json: GEN }), 401, "authentication_error", /API key/);
    expectEnvelope(await api(emu, "GET", "/v1/models", { key: null, headers: { authorization: "Basic abc" } }), 401, "authentication_error");
    expectEnvelope(await api(emu, "GET", "/v1/models", { key: null, headers: { authorization: "Bearer " } }), 401, "authentication_error");
    expectEnvelope(await api(emu, "GET", "/v1/tasks/task_x", { key: null }), 401, "authentication_error");
  });

  it("EMULATOR_KEYS restricts which keys work", async () => {
    const restricted = await startTestEmulator({ keys: ["key1", "key2"] });
    try {
      expect((await api(restricted, "GET", "/v1/models", { key: "key2" })).status).toBe(200);
      expectEnvelope(await api(restricted, "GET", "/v1/models", { key: "key3" }), 401, "authentication_error", /Invalid API key/);
    } finally {
      await restricted.close();
    }
  });
});

describe("insufficient_credits (402)", () => {
  it("refuses and produces nothing when the balance can't cover the price", async () => {
    const key = "poor-key";
    await emu.control.setBalance(key, 2.5);
    const sync = await api(emu, "POST", "/v1/images/generations", { key, json: GEN }); // costs 3
    expectEnvelope(sync, 402, "insufficient_credits", /3 credits/);
    const async = await api(emu, "POST", "/v1/async/images/generations", { key, json: GEN });
    expectEnvelope(async, 402, "insufficient_credits");
    const video = await api(emu, "POST", "/v1/async/videos/generations", { key, json: { model: "veo", prompt: "x" } }); // 8 s × 0.5 = 4
    expectEnvelope(video, 402, "insufficient_credits");
    expect((await emu.control.getBalance(key)).balance).toBe(2.5);
    // A cheaper request still fits.
    expect((await api(emu, "POST", "/v1/images/generations", { key, json: { ...GEN, model: "nano-banana" } })).status).toBe(200);
    expect((await emu.control.getBalance(key)).balance).toBe(1.5);
  });
});

describe("routing", () => {
  it("unknown routes answer 404 not_found_error, wrong methods 405 with Allow", async () => {
    expectEnvelope(await api(emu, "GET", "/v1/unknown"), 404, "not_found_error", /Unknown route/);
    expectEnvelope(await api(emu, "GET", "/"), 404, "not_found_error");
    const wrong = await api(emu, "GET", "/v1/images/generations");
    expectEnvelope(wrong, 405, "invalid_request_error");
    expect(wrong.headers.get("allow")).toBe("POST");
    expectEnvelope(await api(emu, "DELETE", "/v1/tasks/task_1"), 405, "invalid_request_error");
  });

  it("unknown task ids answer 404", async () => {
    expectEnvelope(await api(emu, "GET", "/v1/tasks/task_00000000000000000000000000"), 404, "not_found_error", /task/);
  });
});
