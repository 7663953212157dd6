import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { sniffImage } from "./sniff";
import { makeVideoPoster, probeVideo } from "./video";

const run = promisify(execFile);
let dir: string;
const file = (name: string) => path.join(dir, name);

/** Builds a clip from ffmpeg's built-in test pattern; CI installs ffmpeg with apt. */
async function ffmpeg(args: string[]): Promise<void> {
  await run("ffmpeg", ["-v", "error", "-nostdin", "-y", ...args], { timeout: 60_000 });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pixapi-video-"));
  const pattern = (size: string, seconds: number) => ["-f", "lavfi", "-i", `testsrc=size=${size}:rate=25`, "-t", String(seconds)];
  await ffmpeg([...pattern("320x240", 1), "-c:v", "libx264", "-pix_fmt", "yuv420p", file("clip.mp4")]);
  await ffmpeg([...pattern("160x96", 0.3), "-c:v", "libvpx-vp9", "-b:v", "200k", file("short.webm")]);
  await ffmpeg(["-i", file("clip.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90", file("rotated.mp4")]);
  await ffmpeg([...pattern("160x96", 1), "-c:v", "mpeg4", file("clip.mkv")]);
  await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", file("audio.mp4")]);
  await sharp({ create: { width: 32, height: 32, channels: 3, background: "#0af" } }).png().toFile(file("image.mp4"));
  await writeFile(file("notes.mp4"), "this is not a video\n");
  // An HLS playlist disguised as a video: ffmpeg must not open it (it would read what it lists).
  await writeFile(file("playlist.mp4"), `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n${file("clip.mp4")}\n#EXT-X-ENDLIST\n`);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function expectNotAVideo(promise: Promise<unknown>, detail: RegExp) {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ status: 502, type: "upstream_error" });
  expect((error as AppError).message).toMatch(/not a playable MP4 or WebM video/);
  expect((error as AppError).message).toMatch(detail);
}

describe("probeVideo", () => {
  it("reads an H.264 MP4", async () => {
    expect(await probeVideo(file("clip.mp4"))).toEqual({
      width: 320,
      height: 240,
      durationMs: 1000,
      codec: "h264",
      mimeType: "video/mp4",
    });
  });

  it("reads a VP9 WebM", async () => {
    const probed = await probeVideo(file("short.webm"));
    expect(probed).toMatchObject({ width: 160, height: 96, codec: "vp9", mimeType: "video/webm" });
    expect(probed.durationMs).toBeGreaterThan(0);
    expect(probed.durationMs).toBeLessThan(1000);
  });

  it("reports displayed dimensions for a clip rotated 90°", async () => {
    expect(await probeVideo(file("rotated.mp4"))).toMatchObject({ width: 240, height: 320 });
  });

  it("rejects files that are not MP4/WebM video, with a clear error", async () => {
    await expectNotAVideo(probeVideo(file("notes.mp4")), /ffprobe could not open it/);
    await expectNotAVideo(probeVideo(file("image.mp4")), /ffprobe could not open it/);
    await expectNotAVideo(probeVideo(file("playlist.mp4")), /ffprobe could not open it/);
    await expectNotAVideo(probeVideo(file("audio.mp4")), /no video stream/);
    await expectNotAVideo(probeVideo(file("clip.mkv")), /matroska,webm container with mpeg4/);
  });

  it("treats a file name as a file, never as an option or URL", async () => {
    const odd = file("-i concat:evil.mp4");
    await ffmpeg(["-i", file("clip.mp4"), "-c", "copy", "-f", "mp4", odd]);
    expect(await probeVideo(odd)).toMatchObject({ width: 320, height: 240 });
  });

  it("throws a plain error (not a client error) for a missing file", async () => {
    const error: unknown = await probeVideo(file("missing.mp4")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "ENOENT" });
  });

  it("explains a missing ffprobe", async () => {
    await expect(probeVideo(file("clip.mp4"), { ffprobePath: path.join(dir, "no-such-ffprobe") })).rejects.toThrow(
      /ffprobe could not be started \(ENOENT.*Install ffmpeg/,
    );
  });
});

describe("makeVideoPoster", () => {
  it("makes a WebP poster at the clip's size when it fits", async () => {
    const poster = await makeVideoPoster(file("clip.mp4"));
    expect(poster).toMatchObject({ width: 320, height: 240 });
    expect(sniffImage(poster.bytes)).toEqual({ format: "webp" });
    expect(await sharp(poster.bytes).metadata()).toMatchObject({ format: "webp", width: 320, height: 240 });
    // testsrc is a colourful pattern, not a blank frame.
    const stats = await sharp(poster.bytes).stats();
    expect(stats.channels.some((c) => c.stdev > 10)).toBe(true);
  });

  it("shrinks to maxSize keeping the aspect ratio", async () => {
    expect(await makeVideoPoster(file("clip.mp4"), { maxSize: 100 })).toMatchObject({ width: 100, height: 75 });
  });

  it("uses the first frame of a clip shorter than a second", async () => {
    const poster = await makeVideoPoster(file("short.webm"));
    expect(poster).toMatchObject({ width: 160, height: 96 });
    expect(sniffImage(poster.bytes)).toEqual({ format: "webp" });
  });

  it("applies the clip's rotation", async () => {
    expect(await makeVideoPoster(file("rotated.mp4"), { maxSize: 160 })).toMatchObject({ width: 120, height: 160 });
  });

  it("rejects a non-video", async () => {
    await expectNotAVideo(makeVideoPoster(file("notes.mp4")), /ffprobe could not open it/);
  });

  it("explains a missing ffmpeg", async () => {
    await expect(makeVideoPoster(file("clip.mp4"), { ffmpegPath: path.join(dir, "no-such-ffmpeg") })).rejects.toThrow(
      /ffmpeg could not be started \(ENOENT/,
    );
  });
});
