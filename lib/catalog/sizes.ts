/**
 * Image and video sizes: the presets the studio offers, the rule every custom
 * WIDTHxHEIGHT must follow (Pixapi's own rule, which the emulator enforces too), and the
 * frame each size renders.
 */

export const IMAGE_SIZE_PRESETS = ["auto", "1024x1024", "1536x1024", "1024x1536", "2048x2048"] as const;
/** What `auto` renders. */
export const AUTO_IMAGE_SIZE = { width: 1024, height: 1024 } as const;

/** Edges of a custom image size: multiples of `step` between `min` and `max`, ratio at most `maxRatio`:1. */
export const IMAGE_EDGE = { min: 256, max: 4096, step: 16, maxRatio: 3 } as const;

/** Why a custom WIDTHxHEIGHT is refused, or null when it is fine. */
export function customSizeProblem(width: number, height: number): string | null {
  const { min, max, step, maxRatio } = IMAGE_EDGE;
  if (!Number.isInteger(width) || !Number.isInteger(height)) return "Width and height must be whole numbers.";
  if (width < min || height < min || width > max || height > max) return `Each side must be between ${min} and ${max} pixels.`;
  if (width % step !== 0 || height % step !== 0) return `Each side must be a multiple of ${step}.`;
  if (Math.max(width, height) / Math.min(width, height) > maxRatio) return `The aspect ratio can be at most ${maxRatio}:1.`;
  return null;
}

/** Video sizes the studio offers: explicit frames and ratio presets. */
export const VIDEO_SIZES = ["1280x720", "720x1280", "16:9", "9:16", "1:1"] as const;
export const VIDEO_SIZE_DEFAULT = "1280x720";

/** Ratio presets a video `size` may use, and the frame each one renders. */
export const VIDEO_RATIO_PRESETS: Readonly<Record<string, { width: number; height: number }>> = Object.freeze({
  "16:9": { width: 1280, height: 720 },
  "9:16": { width: 720, height: 1280 },
  "1:1": { width: 720, height: 720 },
});
/** What Pixapi renders when a video request leaves `size` out. */
export const DEFAULT_VIDEO_SIZE = "16:9";

/** Parses `auto` or `WIDTHxHEIGHT` (and video ratio presets); `undefined` if malformed. */
export function parseSize(size: string | undefined, kind: "image" | "video"): { width: number; height: number } | undefined {
  if (kind === "image" && (size === undefined || size === "auto")) return { ...AUTO_IMAGE_SIZE };
  const value = size ?? DEFAULT_VIDEO_SIZE;
  if (kind === "video" && Object.hasOwn(VIDEO_RATIO_PRESETS, value)) return { ...VIDEO_RATIO_PRESETS[value] } as { width: number; height: number };
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(value);
  if (!match) return undefined;
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** Pixel count of an image size; "auto" (or anything unparsable) counts as 1024². */
export function pixelsOf(size: string): number {
  const m = /^(\d+)x(\d+)$/.exec(size);
  return m ? Number(m[1]) * Number(m[2]) : AUTO_IMAGE_SIZE.width * AUTO_IMAGE_SIZE.height;
}
