import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { fileId } from "./ids";
import { captionSvg, generationSvg, specLine } from "./render-image";

/**
 * Real, playable MP4s: H.264 High, yuv420p, +faststart (moov first, so a browser can
 * start playing before the download ends), no audio. A still is drawn with sharp, then
 * ffmpeg moves a camera over it: a pan across a generated scene for text-to-video, a
 * slow zoom into the input for image-to-video.
 */

export interface VideoParams {
  model: string;
  prompt: string;
  width: number;
  height: number;
  durationSeconds: number;
  /** Image-to-video source, already validated. */
  input: Buffer | undefined;
  maxInputPixels: number;
}

export const FPS = 24;
const FFMPEG_TIMEOUT_MS = 180_000;

/** At most `limit` ffmpeg processes at once; the rest wait their turn. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

const even = (v: number) => Math.round(v / 2) * 2;

/** The moving background, plus a fixed caption layer so the prompt stays readable while the camera moves. */
async function layers(p: VideoParams): Promise<{ background: Buffer; caption: Buffer }> {
  const spec = `${specLine({ model: p.model, width: p.width, height: p.height, quality: "auto", index: 0 })} · ${p.durationSeconds}s`;
  const caption = await sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}">${captionSvg(p.width, p.height, p.prompt, spec)}</svg>`),
  )
    .png({ compressionLevel: 1 })
    .toBuffer();
  if (p.input) {
    const background = await sharp(p.input, { limitInputPixels: p.maxInputPixels })
      .rotate()
      .resize(p.width, p.height, { fit: "cover" })
      .removeAlpha()
      .png({ compressionLevel: 1 })
      .toBuffer();
    return { background, caption };
  }
  // A canvas a quarter larger than the frame leaves room for the camera to pan; its own
  // caption is left out since the fixed layer carries it.
  const canvas = { width: even(p.width * 1.25), height: even(p.height * 1.25) };
  const svg = generationSvg({ model: p.model, prompt: p.prompt, width: p.width, height: p.height, quality: "medium", format: "png", index: 0 }, canvas, false);
  const background = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
  return { background, caption };
}

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), FFMPEG_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`ffmpeg could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg failed (${signal ?? code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}

export async function renderVideo(p: VideoParams, workDir: string): Promise<Buffer> {
  const { background, caption } = await layers(p);
  const base = path.join(workDir, `render-${fileId()}`);
  const input = `${base}-bg.png`;
  const overlay = `${base}-caption.png`;
  const output = `${base}.mp4`;
  const frames = Math.round(p.durationSeconds * FPS);
  const D = p.durationSeconds;
  // Each PNG is decoded once and repeated with the loop filter (looping the input file would
  // decode it again for every frame).
  const hold = `loop=loop=${frames - 1}:size=1:start=0,setpts=N/${FPS}/TB`;
  const motion = p.input
    ? // One input frame, `frames` output frames; zoom grows 1.0 → 1.3 about the centre.
      `zoompan=z='1+0.3*on/${frames}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=${p.width}x${p.height}:fps=${FPS}`
    : `${hold},crop=${p.width}:${p.height}:x='(iw-ow)*t/${D}':y='(ih-oh)*(0.5+0.5*sin(t*2*PI/${D}))'`;
  try {
    await Promise.all([fs.writeFile(input, background), fs.writeFile(overlay, caption)]);
    await runFfmpeg([
      "-hide_banner", "-loglevel", "error", "-y",
      "-i", input,
      "-i", overlay,
      "-filter_complex", `[0:v]${motion}[moving];[1:v]${hold}[caption];[moving][caption]overlay=0:0,format=yuv420p[out]`,
      "-map", "[out]",
      "-frames:v", String(frames), "-r", String(FPS),
      "-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-profile:v", "high", "-pix_fmt", "yuv420p",
      // One thread keeps the bytes reproducible run to run and leaves cores for sharp.
      "-threads", "1", "-movflags", "+faststart", "-an",
      output,
    ]);
    return await fs.readFile(output);
  } finally {
    await Promise.all([input, overlay, output].map((f) => fs.rm(f, { force: true })));
  }
}
