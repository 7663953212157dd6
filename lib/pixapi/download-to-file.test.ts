/**
 * downloadMediaToFile: a result file goes straight to disk as it arrives (the video ingest
 * path), hashed on the way, with the size limit enforced while streaming. The scripted
 * upstream checks the file on disk before handing out each next chunk, so a client that
 * held the body in memory and wrote it at the end would fail here.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPixapiClient } from "./client";
import { PixapiError } from "./errors";
import { fakeFetch, type FakeFetch } from "./test-support/fake-fetch";

const MB = 1024 * 1024;

const client = (f: FakeFetch) =>
  createPixapiClient({ baseUrl: "http://pixapi.test", apiKey: "sk_test_0123456789abcdef", timeoutMs: 30_000, fetch: f.fetch, retry: { attempts: 3, baseMs: 1, maxMs: 20 } });

/** Chunk `i` of a fake video: 1 MB of a byte that depends on `i`. */
const chunkOf = (i: number) => new Uint8Array(MB).fill(i % 251);

async function sizeOnDisk(file: string): Promise<number> {
  return stat(file).then((s) => s.size, () => 0);
}

describe("downloadMediaToFile", () => {
  let dir = "";
  let file = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "download-to-file-"));
    file = path.join(dir, "video");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("writes a 40 MB body to disk while it arrives, never far behind, and hashes it", async () => {
    const chunks = 40;
    let sent = 0;
    let worstLag = 0;
    const expected = createHash("sha256");
    const f = fakeFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async pull(controller) {
              if (sent === chunks) return controller.close();
              worstLag = Math.max(worstLag, sent * MB - (await sizeOnDisk(file)));
              const chunk = chunkOf(sent++);
              expected.update(chunk);
              controller.enqueue(chunk);
            },
          }),
          { headers: { "content-type": "video/mp4" } },
        ),
    );
    const result = await client(f).downloadMediaToFile("http://cdn.pixapi.test/v.mp4", file, { maxBytes: 100 * MB });
    expect(result).toMatchObject({ contentType: "video/mp4", size: chunks * MB, sha256: expected.digest("hex"), url: "http://cdn.pixapi.test/v.mp4" });
    expect(await sizeOnDisk(file)).toBe(chunks * MB);
    // Held in memory, the file would still be empty when the last chunk was asked for (lag 39 MB).
    expect(worstLag).toBeLessThanOrEqual(4 * MB);
    expect((await readFile(file)).subarray(5 * MB, 5 * MB + 3)).toEqual(Buffer.from([5, 5, 5]));
  });

  it("stops reading the moment the body passes the limit, without a retry", async () => {
    let pulled = 0;
    const f = fakeFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled += MB;
              controller.enqueue(chunkOf(0));
            },
          }),
        ),
    );
    const error = await client(f).downloadMediaToFile("http://cdn.pixapi.test/endless.mp4", file, { maxBytes: 5 * MB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PixapiError);
    expect((error as PixapiError).type).toBe("media_too_large");
    expect(pulled).toBeLessThanOrEqual(8 * MB);
    expect(f.calls).toHaveLength(1);
    expect(await sizeOnDisk(file)).toBeLessThanOrEqual(5 * MB);
  });

  it("refuses a declared size over the limit before reading anything", async () => {
    const f = fakeFetch(() => new Response("x", { headers: { "content-length": String(600 * MB) } }));
    const error = await client(f).downloadMediaToFile("http://cdn.pixapi.test/huge.mp4", file, { maxBytes: 500 * MB }).catch((e: unknown) => e);
    expect((error as PixapiError).type).toBe("media_too_large");
    expect(await sizeOnDisk(file)).toBe(0);
  });

  it("starts the file again on a retried attempt (a 503 first, then the body)", async () => {
    const f = fakeFetch(
      () => new Response(JSON.stringify({ error: { code: 503, message: "busy", type: "server_error" } }), { status: 503, headers: { "content-type": "application/json" } }),
      () => new Response(chunkOf(7)),
    );
    const result = await client(f).downloadMediaToFile("http://cdn.pixapi.test/v.mp4", file);
    expect(f.calls).toHaveLength(2);
    expect(result.size).toBe(MB);
    expect(await sizeOnDisk(file)).toBe(MB);
  });
});
