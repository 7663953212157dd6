import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { api, download, waitForTask } from "./test-helpers";

const run = promisify(execFile);

let emu: TestEmulator;
let origin: http.Server;
let originUrl = "";
let tmp = "";
let redPng: Buffer;

/** A stand-in for the web: the URLs a user might pass as input_image. */
function startOrigin(): Promise<void> {
  origin = http.createServer((req, res) => {
    if (req.url === "/red.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(redPng);
    } else if (req.url === "/redirect.png") {
      res.writeHead(302, { location: "/red.png" });
      res.end();
    } else if (req.url === "/page.html") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>not an image</html>");
    } else if (req.url === "/huge.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.concat([redPng, Buffer.alloc(300_000)]));
    } else if (req.url === "/slow.png") {
      // Never answers; the emulator must give up on its own.
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => origin.listen(0, "127.0.0.1", () => resolve()));
}

async function probe(file: string) {
  const { stdout } = await run("ffprobe", ["-v", "error", "-show_entries", "stream=codec_name,profile,pix_fmt,width,height:format=duration,format_name", "-of", "json", file]);
  return JSON.parse(stdout) as { streams: { codec_name: string; pix_fmt: string; width: number; height: number }[]; format: { duration: string; format_name: string } };
}

/** Top-level MP4 box types in order; `moov` before `mdat` is what +faststart guarantees. */
function topLevelBoxes(bytes: Buffer): string[] {
  const boxes: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length; ) {
    const size = bytes.readUInt32BE(offset);
    boxes.push(bytes.toString("latin1", offset + 4, offset + 8));
    if (size < 8) break;
    offset += size;
  }
  return boxes;
}

async function frameMean(file: string, at: number): Promise<number[]> {
  const { stdout } = await run("ffmpeg", ["-v", "error", "-ss", String(at), "-i", file, "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "pipe:1"], { encoding: "buffer", maxBuffer: 50e6 });
  const top = await sharp(stdout).extract({ left: 0, top: 0, width: 200, height: 200 }).png().toBuffer();
  return (await sharp(top).stats()).channels.slice(0, 3).map((c) => c.mean);
}

beforeAll(async () => {
  redPng = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#e02020" } }).png().toBuffer();
  await startOrigin();
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  emu = await startTestEmulator({ fetchTimeoutMs: 500, fetchMaxBytes: 200_000 });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "emu-video-test-"));
});
afterAll(async () => {
  await emu.close();
  origin.closeAllConnections();
  await new Promise((r) => origin.close(r));
  await fs.rm(tmp, { recursive: true, force: true });
});

type Submitted = { id: string; status: string; model: string; progress: number };

describe("POST /v1/async/videos/generations", () => {
  it("produces a real H.264/yuv420p faststart MP4 of the requested duration and size", async () => {
    const { status, body } = await api<Submitted>(emu, "POST", "/v1/async/videos/generations", { json: { model: "sora-2", prompt: "Waves at dusk", duration: 2, size: "9:16" } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "submitted", progress: 0, model: "sora-2" });
    const { task } = await waitForTask(emu, body.id);
    expect(task.status).toBe("completed");
    expect(task.result!.type).toBe("video");
    // sora-2: 0.3 credits/s × 2 s
    expect(task.credits_cost).toBe(0.6);

    const file = await download(task.result!.data[0]!.url);
    expect(file.headers.get("content-type")).toBe("video/mp4");
    const boxes = topLevelBoxes(file.bytes);
    expect(boxes.indexOf("moov")).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf("moov")).toBeLessThan(boxes.indexOf("mdat"));
    const local = path.join(tmp, "t2v.mp4");
    await fs.writeFile(local, file.bytes);
    const info = await probe(local);
    expect(info.streams).toHaveLength(1);
    expect(info.streams[0]).toMatchObject({ codec_name: "h264", pix_fmt: "yuv420p", width: 720, height: 1280 });
    expect(Number(info.format.duration)).toBeCloseTo(2, 1);
  });

  it("fetches input_image (following redirects) and visibly uses it", async () => {
    const { body } = await api<Submitted>(emu, "POST", "/v1/async/videos/generations", {
      json: { model: "veo", prompt: "slow push-in", duration: 1, size: "1280x720", input_image: `${originUrl}/redirect.png` },
    });
    const { task } = await waitForTask(emu, body.id);
    expect(task.status).toBe("completed");
    const local = path.join(tmp, "i2v.mp4");
    await fs.writeFile(local, (await download(task.result!.data[0]!.url)).bytes);
    const info = await probe(local);
    expect(info.streams[0]).toMatchObject({ width: 1280, height: 720 });
    const [r, g, b] = await frameMean(local, 0.5);
    expect(r!).toBeGreaterThan(g! + 80);
    expect(r!).toBeGreaterThan(b! + 80);
  });

  it("a fetch failure fails the task with a clear message and costs nothing", async () => {
    const key = "video-fail";
    const before = (await emu.control.getBalance(key)).balance;
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const cases: [string, RegExp][] = [
      [`${originUrl}/missing.png`, /HTTP 404/],
      [`${originUrl}/page.html`, /not a PNG, JPEG or WebP/],
      [`${originUrl}/huge.png`, /limit/],
      [`${originUrl}/slow.png`, /within 500 ms/],
      [`http://127.0.0.1:${closedPort}/refused.png`, /ECONNREFUSED/],
    ];
    for (const [url, message] of cases) {
      const { status, body } = await api<Submitted>(emu, "POST", "/v1/async/videos/generations", { key, json: { model: "wan", prompt: "x", duration: 1, input_image: url } });
      expect(status).toBe(200);
      const { task } = await waitForTask(emu, body.id, key);
      expect(task.status).toBe("failed");
      expect(task.error).toMatchObject({ code: 400, type: "invalid_request_error" });
      expect(task.error!.message).toContain("input_image");
      expect(task.error!.message).toMatch(message);
    }
    expect((await emu.control.getBalance(key)).balance).toBe(before);
  });
});

describe("GET /files/<id>.<ext>", () => {
  let url = "";
  let bytes: Buffer;
  beforeAll(async () => {
    const { body } = await api<Submitted>(emu, "POST", "/v1/async/videos/generations", { json: { model: "wan", prompt: "range test", duration: 1, size: "1:1" } });
    const { task } = await waitForTask(emu, body.id);
    url = task.result!.data[0]!.url;
    bytes = (await download(url)).bytes;
  });

  it("serves byte ranges for video", async () => {
    const part = await download(url, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
    expect(part.bytes.equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await download(url, { range: "bytes=-50" });
    expect(tail.bytes.equals(bytes.subarray(bytes.length - 50))).toBe(true);
    const open = await download(url, { range: `bytes=${bytes.length - 10}-` });
    expect(open.bytes).toHaveLength(10);
    const beyond = await download(url, { range: `bytes=${bytes.length + 5}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });

  it("sends ETag, cache headers, answers 304 to If-None-Match, and supports HEAD", async () => {
    const full = await download(url);
    const etag = full.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(full.headers.get("cache-control")).toMatch(/^public, max-age=\d+, immutable$/);
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    expect(full.headers.get("expires")).toBeTruthy();
    expect((await download(url, { "if-none-match": etag })).status).toBe(304);
    const head = await fetch(url, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(bytes.length)]);
  });

  it("needs no key, but unknown or malformed ids are 404", async () => {
    const fake = await download(`${emu.url}/files/AAAAAAAAAAAAAAAAAAAAAA.mp4`);
    expect(fake.status).toBe(404);
    expect(JSON.parse(fake.bytes.toString()).error.type).toBe("not_found_error");
    const wrongExt = await download(url.replace(/\.mp4$/, ".png"));
    expect(wrongExt.status).toBe(404);
    expect((await download(`${emu.url}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});

describe("file TTL", () => {
  it("links stop working after the TTL and the bytes are deleted from disk", async () => {
    const short = await startTestEmulator({ fileTtlSeconds: 0.3 });
    try {
      const { body } = await api<{ data: { url: string }[] }>(short, "POST", "/v1/images/generations", { json: { model: "gpt-image-2", prompt: "ttl" } });
      const url = body.data[0]!.url;
      expect((await download(url)).status).toBe(200);
      expect(await fs.readdir(short.filesDir)).toHaveLength(1);
      let status = 200;
      for (let i = 0; i < 100 && status === 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await download(url)).status;
      }
      expect(status).toBe(404);
      let left = 1;
      for (let i = 0; i < 100 && left > 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        left = (await fs.readdir(short.filesDir)).length;
      }
      expect(left).toBe(0);
    } finally {
      await short.close();
    }
  });
});
