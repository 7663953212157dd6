import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPixapiClient } from "./client";
import { PixapiError } from "./errors";
import type { PixapiConfig } from "./http";
import { fakeFetch, type FakeFetch, refuse, text } from "./test-support/fake-fetch";

const KEY = "sk_test_0123456789abcdef";

function client(f: FakeFetch | undefined, extra: PixapiConfig = {}) {
  return createPixapiClient({
    baseUrl: "http://pixapi.test",
    apiKey: KEY,
    timeoutMs: 5_000,
    ...(f ? { fetch: f.fetch } : {}),
    ...extra,
    retry: { attempts: 3, baseMs: 1, maxMs: 20, ...extra.retry },
  });
}

const png = () => new Response(new Uint8Array([137, 80, 78, 71, 13, 10]), { headers: { "content-type": "image/PNG; charset=binary" } });

describe("downloadMedia (scripted fetch)", () => {
  it("returns bytes, normalised content type and size; the key goes only to the API origin", async () => {
    const f = fakeFetch(png);
    const own = await client(f).downloadMedia("http://pixapi.test/v1/media/a.png");
    expect(own).toMatchObject({ contentType: "image/png", size: 6, url: "http://pixapi.test/v1/media/a.png" });
    expect(Array.from(own.bytes)).toEqual([137, 80, 78, 71, 13, 10]);
    expect(f.calls[0]?.headers.get("authorization")).toBe(`Bearer ${KEY}`);

    await client(f).downloadMedia("https://cdn.elsewhere.test/a.png");
    expect(f.calls[1]?.headers.get("authorization")).toBeNull();
  });

  it("resolves a relative media path against the base URL", async () => {
    const f = fakeFetch(png);
    await client(f).downloadMedia("/files/a.png");
    expect(f.calls[0]?.url).toBe("http://pixapi.test/files/a.png");
  });

  it("refuses files over the limit, by Content-Length or while streaming", async () => {
    const declared = fakeFetch(() => new Response("x".repeat(10), { headers: { "content-length": "5000" } }));
    const err1 = await client(declared).downloadMedia("http://pixapi.test/big", { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(err1).toBeInstanceOf(PixapiError);
    expect((err1 as PixapiError).type).toBe("media_too_large");

    const chunked = fakeFetch(() => {
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array(400));
        },
      });
      return new Response(stream);
    });
    const err2 = await client(chunked).downloadMedia("http://pixapi.test/endless", { maxBytes: 1000 }).catch((e: unknown) => e);
    expect((err2 as PixapiError).type).toBe("media_too_large");
    expect(chunked.calls).toHaveLength(1); // not retried
  });

  it("is a read: retried on network errors and 5xx, not on 404", async () => {
    const flaky = fakeFetch(refuse, text(502, "<html>bad gateway</html>"), png);
    const out = await client(flaky).downloadMedia("http://pixapi.test/a.png");
    expect(out.size).toBe(6);
    expect(flaky.calls).toHaveLength(3);

    const gone = fakeFetch(text(404, "not found"));
    const err = await client(gone).downloadMedia("http://pixapi.test/gone.png").catch((e: unknown) => e);
    expect((err as PixapiError).type).toBe("not_found_error");
    expect(gone.calls).toHaveLength(1);
  });

  it("rejects non-http URLs without fetching", async () => {
    const f = fakeFetch(png);
    const err = await client(f).downloadMedia("file:///etc/passwd").catch((e: unknown) => e);
    expect((err as PixapiError).type).toBe("invalid_response");
    expect(f.calls).toHaveLength(0);
  });
});

describe("downloadMedia (real fetch, local servers)", () => {
  let api: Server;
  let cdn: Server;
  let apiUrl = "";
  let cdnUrl = "";
  const seenAuth: Record<string, string | undefined> = {};

  beforeAll(async () => {
    cdn = createServer((req, res) => {
      seenAuth[`cdn${req.url}`] = req.headers.authorization;
      res.writeHead(200, { "content-type": "video/mp4" }).end(Buffer.from("fake-mp4-bytes"));
    });
    api = createServer((req, res) => {
      seenAuth[`api${req.url}`] = req.headers.authorization;
      if (req.url === "/v1/media/hop") res.writeHead(302, { location: "/v1/media/hop2" }).end();
      else if (req.url === "/v1/media/hop2") res.writeHead(307, { location: `${cdnUrl}/clip.mp4` }).end();
      else res.writeHead(404).end();
    });
    await Promise.all([new Promise<void>((r) => api.listen(0, "127.0.0.1", r)), new Promise<void>((r) => cdn.listen(0, "127.0.0.1", r))]);
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    cdnUrl = `http://localhost:${(cdn.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => cdn.close(r))]);
  });

  it("follows redirects and drops the key when the origin changes", async () => {
    const out = await client(undefined, { baseUrl: apiUrl }).downloadMedia(`${apiUrl}/v1/media/hop`);
    expect(new TextDecoder().decode(out.bytes)).toBe("fake-mp4-bytes");
    expect(out.contentType).toBe("video/mp4");
    expect(out.url).toBe(`${cdnUrl}/clip.mp4`);
    expect(seenAuth["api/v1/media/hop"]).toBe(`Bearer ${KEY}`);
    expect(seenAuth["api/v1/media/hop2"]).toBe(`Bearer ${KEY}`);
    expect(seenAuth["cdn/clip.mp4"]).toBeUndefined();
  });
});
