import sharp, { type Sharp } from "sharp";
import type { OutputFormat } from "./schemas";
import { MEDIA_TYPES } from "../lib/catalog";
import { seededRandom, sha256 } from "./ids";

/**
 * Deterministic stand-ins for generated images: the same parameters give the same bytes,
 * and the prompt drives the palette, the shapes and the caption, so different prompts
 * look visibly different. Everything is one SVG rasterised by sharp, which keeps a 1024²
 * render cheap.
 */

export interface RenderParams {
  model: string;
  prompt: string;
  width: number;
  height: number;
  quality: "low" | "medium" | "high" | "auto";
  format: OutputFormat;
  /** Position within `n`, so the images of one request differ from each other. */
  index: number;
}

/** Output formats are file extensions the catalog knows, so their types come from its table. */
export const CONTENT_TYPES: Record<OutputFormat, string> = { png: MEDIA_TYPES.png, jpeg: MEDIA_TYPES.jpeg, webp: MEDIA_TYPES.webp };

const SHAPES_BY_QUALITY = { low: 5, medium: 9, auto: 9, high: 16 } as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** Greedy word wrap, capped at `maxLines` with an ellipsis. */
function wrap(text: string, perLine: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
    if (lines.length === maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (lines.length === maxLines && words.join(" ").length > lines.join(" ").length) {
    lines[maxLines - 1] = `${lines[maxLines - 1]!.slice(0, perLine - 1)}…`;
  }
  return lines;
}

/** Caption band: the prompt (and a small spec line) so a person can tell outputs apart. */
export function captionSvg(width: number, height: number, prompt: string, spec: string): string {
  const font = Math.max(12, Math.round(Math.min(width, height) / 22));
  const perLine = Math.max(8, Math.floor((width * 0.9) / (font * 0.55)));
  const lines = wrap(prompt, perLine, 3);
  const band = font * (lines.length + 1.6) + font * 0.8;
  const top = height - band;
  const text = lines
    .map((l, i) => `<text x="${width * 0.05}" y="${top + font * (1.3 + i * 1.2)}">${escapeXml(l)}</text>`)
    .join("");
  const small = Math.round(font * 0.6);
  return (
    `<rect x="0" y="${top}" width="${width}" height="${band}" fill="#000" fill-opacity="0.45"/>` +
    `<g font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${font}" fill="#fff">${text}</g>` +
    `<text x="${width * 0.05}" y="${height - font * 0.5}" font-family="DejaVu Sans Mono, monospace" font-size="${small}" fill="#fff" fill-opacity="0.8">${escapeXml(spec)}</text>`
  );
}

export function specLine(p: Pick<RenderParams, "model" | "width" | "height" | "quality" | "index">): string {
  return `pixapi-emulator · ${p.model} · ${p.width}x${p.height} · ${p.quality} · #${p.index + 1}`;
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h) % 360},${Math.round(s)}%,${Math.round(l)}%)`;

/** The SVG for a text-to-image result; exported for the video renderer's first frame. */
export function generationSvg(p: RenderParams, canvas: { width: number; height: number } = p, withCaption = true): string {
  const seed = sha256("image", p.model, p.prompt, String(p.index));
  const rand = seededRandom(seed);
  const { width, height } = canvas;
  const hue = rand() * 360;
  const stops = [hsl(hue, 65, 35), hsl(hue + 50 + rand() * 80, 70, 55), hsl(hue + 180, 55, 25)];
  const angle = Math.round(rand() * 360);
  let shapes = "";
  for (let i = 0; i < SHAPES_BY_QUALITY[p.quality]; i++) {
    const x = rand() * width;
    const y = rand() * height * 0.8;
    const r = (0.05 + rand() * 0.2) * Math.min(width, height);
    const fill = hsl(hue + rand() * 240, 60 + rand() * 30, 40 + rand() * 40);
    const opacity = (0.35 + rand() * 0.5).toFixed(2);
    const kind = Math.floor(rand() * 3);
    if (kind === 0) shapes += `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="${opacity}"/>`;
    else if (kind === 1) {
      const rot = Math.round(rand() * 90);
      shapes += `<rect x="${(x - r).toFixed(1)}" y="${(y - r / 2).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${r.toFixed(1)}" rx="${(r / 6).toFixed(1)}" fill="${fill}" fill-opacity="${opacity}" transform="rotate(${rot} ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
    } else {
      const pts = [0, 1, 2].map((k) => {
        const a = rand() * Math.PI * 2 + (k * Math.PI * 2) / 3;
        return `${(x + Math.cos(a) * r).toFixed(1)},${(y + Math.sin(a) * r).toFixed(1)}`;
      });
      shapes += `<polygon points="${pts.join(" ")}" fill="${fill}" fill-opacity="${opacity}"/>`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)">` +
    stops.map((c, i) => `<stop offset="${i / (stops.length - 1)}" stop-color="${c}"/>`).join("") +
    `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}` +
    (withCaption ? captionSvg(width, height, p.prompt, specLine(p)) : "") +
    `</svg>`
  );
}

export function encode(image: Sharp, format: OutputFormat): Promise<Buffer> {
  // Low zlib effort: these are placeholders and speed matters more than size.
  if (format === "png") return image.png({ compressionLevel: 2, adaptiveFiltering: false }).toBuffer();
  if (format === "jpeg") return image.jpeg({ quality: 85 }).toBuffer();
  return image.webp({ quality: 80, effort: 0 }).toBuffer();
}

export function renderGeneration(p: RenderParams): Promise<Buffer> {
  return encode(sharp(Buffer.from(generationSvg(p))), p.format);
}

export interface EditParams extends RenderParams {
  /** Validated, decodable images (see image-input.ts). */
  inputs: Buffer[];
  maxInputPixels: number;
}

/**
 * Edits stay visibly derived from the uploads: each upload is resized to cover its tile
 * (one upload fills the frame; several share a grid), then a light prompt-coloured tint,
 * a frame and the caption go on top. The tint is weak on purpose so the input's colours
 * survive — tests compare mean colours.
 */
export async function renderEdit(p: EditParams): Promise<Buffer> {
  const { width, height, inputs } = p;
  const cols = Math.ceil(Math.sqrt(inputs.length));
  const rows = Math.ceil(inputs.length / cols);
  const tileW = Math.floor(width / cols);
  const tileH = Math.floor(height / rows);
  const tiles = await Promise.all(
    inputs.map(async (input, i) => ({
      input: await sharp(input, { limitInputPixels: p.maxInputPixels })
        .rotate()
        .resize(i % cols === cols - 1 ? width - tileW * (cols - 1) : tileW, Math.floor(i / cols) === rows - 1 ? height - tileH * (rows - 1) : tileH, { fit: "cover" })
        .removeAlpha()
        .png({ compressionLevel: 0 })
        .toBuffer(),
      left: (i % cols) * tileW,
      top: Math.floor(i / cols) * tileH,
    })),
  );
  const rand = seededRandom(sha256("edit", p.model, p.prompt, String(p.index)));
  const tint = hsl(rand() * 360, 70, 50);
  const frame = Math.max(4, Math.round(Math.min(width, height) * 0.02));
  const overlay =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="${tint}" fill-opacity="0.18"/>` +
    `<rect x="${frame / 2}" y="${frame / 2}" width="${width - frame}" height="${height - frame}" fill="none" stroke="${tint}" stroke-width="${frame}"/>` +
    captionSvg(width, height, p.prompt, `${specLine(p)} · edit of ${inputs.length}`) +
    `</svg>`;
  const canvas = sharp({ create: { width, height, channels: 3, background: "#808080" } }).composite([
    ...tiles,
    { input: Buffer.from(overlay), left: 0, top: 0 },
  ]);
  return encode(canvas, p.format);
}
