import { describe, expect, it } from "vitest";

import { createPixapiClient } from "./client";
import { PixapiError } from "./errors";
import { normalizeBaseUrl, type PixapiConfig, resolveConfig, retryDelayMs } from "./http";
import { fakeFetch, type FakeFetch, hang, json, refuse, text } from "./test-support/fake-fetch";

const KEY = "sk_test_0123456789abcdef";
const MODELS = { object: "list", data: [{ id: "gpt-image-2", object: "model", category: "image", capabilities: [] }] };
const SUBMITTED = { status: "submitted", id: "task_1", progress: 0, created_at: 1703884800, model: "veo" };
const VIDEO = { model: "veo", prompt: "a wave" };

function client(f: FakeFetch, extra: PixapiConfig = {}) {
  return createPixapiClient({
    baseUrl: "http://pixapi.test",
    apiKey: KEY,
    timeoutMs: 5_000,
    fetch: f.fetch,
    ...extra,
    retry: { attempts: 3, baseMs: 1, maxMs: 20, ...extra.retry },
  });
}

async function failure(promise: Promise<unknown>): Promise<PixapiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PixapiError);
  return err as PixapiError;
}

describe("request basics", () => {
  it("sends the bearer key and accepts a base URL with or without /v1", async () => {
    const f = fakeFetch(json(200, MODELS));
    await client(f, { baseUrl: "http://pixapi.test/v1/" }).listModels();
    expect(f.calls[0]?.url).toBe("http://pixapi.test/v1/models");
    expect(f.calls[0]?.headers.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(normalizeBaseUrl("https://api.pixapi.ai")).toBe("https://api.pixapi.ai");
    expect(normalizeBaseUrl("http://localhost:4010/v1")).toBe("http://localhost:4010");
    expect(normalizeBaseUrl("http://proxy/pixapi/")).toBe("http://proxy/pixapi");
  });

  it("merges config layers, retry policies field by field", () => {
    const cfg = resolveConfig(
      { baseUrl: "http://a.test", apiKey: "k1", timeoutMs: 1_000, retry: { attempts: 5, baseMs: 7 } },
      { apiKey: "k2", timeoutMs: undefined, retry: { attempts: 1 } },
    );
    expect(cfg).toMatchObject({ baseUrl: "http://a.test", apiKey: "k2", timeoutMs: 1_000 });
    expect(cfg.retry).toEqual({ attempts: 1, baseMs: 7, maxMs: 10_000 });
  });

  it("fails with configuration_error, before any request, when there is no key", async () => {
    const f = fakeFetch(json(200, MODELS));
    const err = await failure(client(f, { apiKey: "" }).listModels());
    expect(err.type).toBe("configuration_error");
    expect(f.calls).toHaveLength(0);
  });
});

describe("error parsing", () => {
  it("reads the upstream envelope", async () => {
    const f = fakeFetch(json(400, { error: { code: 400, message: "prompt is required", type: "invalid_request_error" } }));
    const err = await failure(client(f).submitVideoGeneration(VIDEO));
    expect(err).toMatchObject({ type: "invalid_request_error", status: 400, message: "prompt is required", code: 400, retryable: false });
  });

  it("turns an HTML 502 from a proxy into a server_error with a readable message", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";
    const f = fakeFetch(text(502, html, { "content-type": "text/html" }));
    const err = await failure(client(f, { retry: { attempts: 1 } }).listModels());
    expect(err.type).toBe("server_error");
    expect(err.status).toBe(502);
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/HTTP 502.*HTML page/);
    expect(err.message).not.toContain("<");
  });

  it("falls back on the status for an empty body or an unknown upstream type", async () => {
    const empty = await failure(client(fakeFetch(text(500, "")), { retry: { attempts: 1 } }).listModels());
    expect(empty).toMatchObject({ type: "server_error", status: 500 });
    const odd = await failure(
      client(fakeFetch(json(500, { error: { message: "db down", type: "api_error" } })), { retry: { attempts: 1 } }).listModels(),
    );
    expect(odd).toMatchObject({ type: "server_error", upstreamType: "api_error", message: "db down" });
    const spoof = await failure(client(fakeFetch(json(400, { error: { message: "x", type: "timeout" } }))).listModels());
    expect(spoof).toMatchObject({ type: "invalid_request_error", upstreamType: "timeout" });
  });

  it("never lets the key out in a message", async () => {
    const f = fakeFetch(json(401, { error: { code: 401, message: `Invalid API key ${KEY}`, type: "authentication_error" } }));
    const err = await failure(client(f).listModels());
    expect(err.type).toBe("authentication_error");
    expect(err.message).not.toContain(KEY);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(KEY);
  });

  it("reads Retry-After as seconds or as an HTTP-date", async () => {
    const seconds = await failure(
      client(fakeFetch(json(429, { error: { message: "slow", type: "rate_limit_error" } }, { "retry-after": "42" }))).submitVideoGeneration(VIDEO),
    );
    expect(seconds).toMatchObject({ type: "rate_limit_error", status: 429, retryAfter: 42, retryable: true });
    const date = new Date(Date.now() + 90_000).toUTCString();
    const dated = await failure(
      client(fakeFetch(json(429, { error: { message: "slow", type: "rate_limit_error" } }, { "retry-after": date }))).submitVideoGeneration(VIDEO),
    );
    expect(dated.retryAfter).toBeGreaterThanOrEqual(88);
    expect(dated.retryAfter).toBeLessThanOrEqual(90);
  });

  it("calls a 2xx that is not JSON, or not the documented shape, invalid_response", async () => {
    const notJson = await failure(client(fakeFetch(text(200, "<html>hi</html>"))).listModels());
    expect(notJson).toMatchObject({ type: "invalid_response", status: 200, retryable: false });
    const wrong = await failure(client(fakeFetch(json(200, { data: [{ name: "no id" }] }))).listModels());
    expect(wrong.type).toBe("invalid_response");
    expect(wrong.message).toMatch(/data\.0\.id/);
  });

  it("treats a 2xx carrying an error envelope as that error", async () => {
    const f = fakeFetch(json(200, { error: { code: 402, message: "Insufficient credits", type: "insufficient_credits" } }));
    const err = await failure(client(f).submitVideoGeneration(VIDEO));
    expect(err.type).toBe("insufficient_credits");
  });
});

describe("timeouts and cancellation", () => {
  it("times out a request that never answers", async () => {
    const f = fakeFetch(hang);
    const err = await failure(client(f, { timeoutMs: 30 }).listModels());
    expect(err).toMatchObject({ type: "timeout", status: 0, retryable: true });
    expect(f.calls).toHaveLength(1); // a timed-out read is not retried
  });

  it("rejects with the caller's own reason when the caller aborts", async () => {
    const controller = new AbortController();
    const f = fakeFetch((req, signal) => {
      controller.abort();
      return hang(req, signal);
    });
    const err = await client(f).listModels({ signal: controller.signal }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(PixapiError);
    expect((err as DOMException).name).toBe("AbortError");
  });

  it("stops retrying when the caller aborts during backoff", async () => {
    const controller = new AbortController();
    const f = fakeFetch(() => {
      controller.abort();
      return new Response("", { status: 503 });
    });
    const err = await client(f, { retry: { attempts: 5, baseMs: 10_000, maxMs: 10_000 } })
      .listModels({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect((err as DOMException).name).toBe("AbortError");
    expect(f.calls).toHaveLength(1);
  });
});

describe("retries", () => {
  it("retries a read on 5xx and network errors until it succeeds", async () => {
    const f = fakeFetch(text(503, "busy"), refuse, json(200, MODELS));
    const models = await client(f).listModels();
    expect(models.map((m) => m.id)).toEqual(["gpt-image-2"]);
    expect(f.calls).toHaveLength(3);
  });

  it("gives up on a read after the configured attempts", async () => {
    const f = fakeFetch(text(500, "boom"));
    const err = await failure(client(f, { retry: { attempts: 4 } }).getTask("task_1"));
    expect(err.type).toBe("server_error");
    expect(f.calls).toHaveLength(4);
  });

  it("retries a 429 read when Retry-After fits under the cap, and not when it does not", async () => {
    const short = fakeFetch(json(429, { error: { message: "slow", type: "rate_limit_error" } }, { "retry-after": "0" }), json(200, MODELS));
    await client(short).listModels();
    expect(short.calls).toHaveLength(2);

    const long = fakeFetch(json(429, { error: { message: "slow", type: "rate_limit_error" } }, { "retry-after": "60" }));
    const err = await failure(client(long).listModels());
    expect(err.retryAfter).toBe(60);
    expect(long.calls).toHaveLength(1);
  });

  it("does not retry a read on 4xx", async () => {
    const f = fakeFetch(json(404, { error: { code: 404, message: "task not found", type: "not_found_error" } }));
    const err = await failure(client(f).getTask("task_missing"));
    expect(err.type).toBe("not_found_error");
    expect(f.calls).toHaveLength(1);
  });

  it("never retries a POST, whatever the failure", async () => {
    for (const handler of [text(503, "busy"), refuse, json(429, { error: { message: "x", type: "rate_limit_error" } }, { "retry-after": "0" })]) {
      const f = fakeFetch(handler, json(200, SUBMITTED));
      await failure(client(f).submitVideoGeneration(VIDEO));
      expect(f.calls).toHaveLength(1);
      expect(f.calls[0]?.method).toBe("POST");
    }
  });

  it("computes full-jitter backoff, capped, at least Retry-After", () => {
    const policy = { attempts: 5, baseMs: 100, maxMs: 1_000 };
    expect(retryDelayMs(1, policy, undefined, () => 0.999)).toBe(99);
    expect(retryDelayMs(3, policy, undefined, () => 0.999)).toBe(399);
    expect(retryDelayMs(10, policy, undefined, () => 0.999)).toBe(999);
    expect(retryDelayMs(2, policy, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(1, policy, 0.5, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, 2, () => 0)).toBeUndefined();
  });
});
