import "server-only";

import { stat } from "node:fs/promises";
import path from "node:path";

import sharp from "sharp";
import { z } from "zod";

import { AppError } from "@/lib/errors";

import { DEFAULT_THUMBNAIL_SIZE } from "./image";
import { runTool } from "./exec";

export type VideoMimeType = "video/mp4" | "video/webm";

export interface ProbedVideo {
  /** As displayed, i.e. swapped for a clip rotated by 90 or 270 degrees. */
  width: number;
  height: number;
  durationMs: number;
  /** ffprobe's codec name, e.g. "h264", "vp9", "av1". */
  codec: string;
  mimeType: VideoMimeType;
}

export interface VideoPoster {
  /** WebP. */
  bytes: Buffer;
  width: number;
  height: number;
}

export interface VideoToolOptions {
  /** Defaults to "ffprobe" on the PATH. */
  ffprobePath?: string;
  timeoutMs?: number;
}

const PROBE_TIMEOUT_MS = 15_000;
const POSTER_TIMEOUT_MS = 30_000;
const POSTER_SEEK_SECONDS = 0.5;
const POSTER_QUALITY = 80;

/**
 * The only demuxers ffmpeg may use on our files. Without this, a text file starting with
 * #EXTM3U would be opened as an HLS playlist and ffmpeg would fetch whatever it lists.
 */
const DEMUXERS = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm";
const WEBM_CODECS = new Set(["vp8", "vp9", "av1"]);

const ffprobeSchema = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().int().optional(),
        height: z.number().int().optional(),
        duration: z.string().optional(),
        disposition: z.object({ attached_pic: z.number().optional() }).optional(),
        side_data_list: z.array(z.object({ rotation: z.number().optional() })).optional(),
      }),
    )
    .default([]),
  format: z.object({
    format_name: z.string(),
    duration: z.string().optional(),
  }),
});

function notAVideo(detail: string, cause?: unknown): AppError {
  return new AppError("upstream_error", `Pixapi returned a file that is not a playable MP4 or WebM video (${detail}).`, {
    cause,
  });
}

/** Absolute path behind the `file:` protocol, so a name can never be read as an option or a URL. */
async function fileInput(filePath: string): Promise<string> {
  const absolute = path.resolve(filePath);
  const info = await stat(absolute);
  if (!info.isFile()) throw new Error(`media: ${absolute} is not a regular file`);
  return `file:${absolute}`;
}

function seconds(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Reads a video file's container, first video stream and duration with ffprobe. */
export async function probeVideo(filePath: string, options: VideoToolOptions = {}): Promise<ProbedVideo> {
  const input = await fileInput(filePath);
  const result = await runTool({
    name: "ffprobe",
    binary: options.ffprobePath ?? "ffprobe",
    args: [
      "-v", "error",
      "-protocol_whitelist", "file",
      "-format_whitelist", DEMUXERS,
      "-print_format", "json",
      "-show_format", "-show_streams",
      input,
    ],
    timeoutMs: options.timeoutMs ?? PROBE_TIMEOUT_MS,
    maxStdoutBytes: 4 * 1024 * 1024,
  });
  if (!result.ok) throw notAVideo("ffprobe could not open it", new Error(result.stderr));

  let parsed: z.infer<typeof ffprobeSchema>;
  try {
    parsed = ffprobeSchema.parse(JSON.parse(result.stdout.toString("utf8")));
  } catch (cause) {
    throw new Error("media: ffprobe printed output this code does not understand", { cause });
  }

  const video = parsed.streams.find((s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1);
  if (!video?.codec_name || !video.width || !video.height) throw notAVideo("no video stream");

  const demuxers = parsed.format.format_name.split(",");
  let mimeType: VideoMimeType;
  if (demuxers.includes("mp4")) {
    mimeType = "video/mp4";
  } else if (demuxers.includes("webm") && WEBM_CODECS.has(video.codec_name)) {
    mimeType = "video/webm";
  } else {
    throw notAVideo(`${parsed.format.format_name} container with ${video.codec_name}`);
  }

  const duration = seconds(parsed.format.duration) ?? seconds(video.duration);
  if (duration === null) throw notAVideo("no duration");

  const rotation = video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0;
  const quarterTurn = Math.abs(Math.round(rotation / 90)) % 2 === 1;
  return {
    width: quarterTurn ? video.height : video.width,
    height: quarterTurn ? video.width : video.height,
    durationMs: Math.round(duration * 1000),
    codec: video.codec_name,
    mimeType,
  };
}

async function grabFrame(input: string, seekSeconds: number, maxSize: number, ffmpegPath: string, timeoutMs: number) {
  return runTool({
    name: "ffmpeg",
    binary: ffmpegPath,
    args: [
      "-v", "error",
      "-nostdin",
      "-protocol_whitelist", "file",
      "-format_whitelist", DEMUXERS,
      "-ss", seekSeconds.toFixed(3),
      "-i", input,
      "-map", "0:v:0",
      "-frames:v", "1",
      // Shrink in ffmpeg already, so a 4K frame never crosses the pipe; never enlarge.
      "-vf", `scale=w='min(${maxSize},iw)':h='min(${maxSize},ih)':force_original_aspect_ratio=decrease`,
      "-f", "image2pipe",
      "-c:v", "png",
      "pipe:1",
    ],
    timeoutMs,
    maxStdoutBytes: 64 * 1024 * 1024,
  });
}

/**
 * A WebP poster that fits in `maxSize`×`maxSize`: the frame at 0.5 s, or the first frame
 * of a clip shorter than a second (or when seeking finds none).
 */
export async function makeVideoPoster(
  filePath: string,
  options: VideoToolOptions & { maxSize?: number; ffmpegPath?: string } = {},
): Promise<VideoPoster> {
  const maxSize = options.maxSize ?? DEFAULT_THUMBNAIL_SIZE;
  if (!Number.isSafeInteger(maxSize) || maxSize <= 0) throw new Error(`maxSize must be a positive integer (got ${maxSize})`);
  const probed = await probeVideo(filePath, options);
  const input = await fileInput(filePath);
  const ffmpegPath = options.ffmpegPath ?? "ffmpeg";
  const timeoutMs = options.timeoutMs ?? POSTER_TIMEOUT_MS;

  const seek = probed.durationMs >= 1000 ? POSTER_SEEK_SECONDS : 0;
  let frame = await grabFrame(input, seek, maxSize, ffmpegPath, timeoutMs);
  if (seek > 0 && (!frame.ok || frame.stdout.length === 0)) {
    frame = await grabFrame(input, 0, maxSize, ffmpegPath, timeoutMs);
  }
  if (!frame.ok || frame.stdout.length === 0) {
    throw notAVideo("no frame could be decoded", new Error(frame.ok ? "empty output" : frame.stderr));
  }

  const { data, info } = await sharp(frame.stdout, { failOn: "error" })
    .resize({ width: maxSize, height: maxSize, fit: "inside", withoutEnlargement: true })
    .webp({ quality: POSTER_QUALITY })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
