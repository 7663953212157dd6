import { DEFAULT_VIDEO_DURATION } from "./durations";
import { isImageModel, isVideoModel, resolveModelId, type ImageModelId, type VideoModelId } from "./models";
import type { ImageQuality } from "./qualities";
import { parseSize } from "./sizes";

/**
 * Pixapi price table, in credits, and the one pure function that applies it.
 *
 * Pixapi does not publish per-request prices, so this table is the emulator's contract:
 * the emulator debits exactly `estimateCredits(request)` for every result, and the studio
 * uses the same function to show a cost before submitting and to hold credits.
 *
 * Image cost = model price per image × size tier × quality × n
 * Video cost = model price per second × duration × resolution tier
 * Totals are rounded to 2 decimals (the docs' example shows `credits_cost: 1.5`).
 */

/** Credits per image at the 1K tier and `medium` quality. */
export const IMAGE_PRICE_PER_IMAGE: Readonly<Record<ImageModelId, number>> = Object.freeze({
  "gemini-2.5-flash-image": 1,
  "gemini-3.1-flash-image-preview": 1.5,
  "gemini-3-pro-image-preview": 3,
  "gpt-image-2": 2,
});

/** `auto` is billed as `medium`, which is what it renders. */
export const QUALITY_MULTIPLIER: Readonly<Record<ImageQuality, number>> = Object.freeze({
  low: 0.5,
  medium: 1,
  high: 2,
  auto: 1,
});

/**
 * Size tiers by pixel count, so any WIDTHxHEIGHT has a price. `auto` renders 1024x1024.
 * 1K covers 1024x1024 and 1536x1024 (≤ 1.6 MP); 2K covers up to 2048x2048; 4K the rest.
 */
export const IMAGE_SIZE_TIERS = [
  { tier: "1K", maxPixels: 1_600_000, multiplier: 1 },
  { tier: "2K", maxPixels: 2048 * 2048, multiplier: 2 },
  { tier: "4K", maxPixels: Number.POSITIVE_INFINITY, multiplier: 4 },
] as const;
export type ImageSizeTier = (typeof IMAGE_SIZE_TIERS)[number]["tier"];

/** Credits per second of video at 720p. */
export const VIDEO_PRICE_PER_SECOND: Readonly<Record<VideoModelId, number>> = Object.freeze({
  veo: 0.5,
  wan: 0.2,
  "sora-2": 0.3,
});

/** 720p and below costs ×1; anything above 1280×720 pixels (1080p) ×1.5. */
export const VIDEO_RESOLUTION_TIERS = [
  { tier: "720p", maxPixels: 1280 * 720, multiplier: 1 },
  { tier: "1080p", maxPixels: Number.POSITIVE_INFINITY, multiplier: 1.5 },
] as const;

export interface ImageCostRequest {
  kind: "image";
  /** Canonical id or alias. */
  model: string;
  /** `auto` (default) or `WIDTHxHEIGHT`. */
  size?: string;
  quality?: ImageQuality;
  n?: number;
}

export interface VideoCostRequest {
  kind: "video";
  model: string;
  /** Seconds; defaults per model (DEFAULT_VIDEO_DURATION). */
  duration?: number;
  /** `WIDTHxHEIGHT` or a ratio preset; defaults to 16:9 (1280x720). */
  size?: string;
}

export type CostRequest = ImageCostRequest | VideoCostRequest;

export function imageSizeTier(width: number, height: number): (typeof IMAGE_SIZE_TIERS)[number] {
  const pixels = width * height;
  // The last tier is unbounded, so find() always succeeds; the fallback only satisfies TS.
  return IMAGE_SIZE_TIERS.find((t) => pixels <= t.maxPixels) ?? IMAGE_SIZE_TIERS[2];
}

function videoResolutionTier(width: number, height: number): (typeof VIDEO_RESOLUTION_TIERS)[number] {
  const pixels = width * height;
  return VIDEO_RESOLUTION_TIERS.find((t) => pixels <= t.maxPixels) ?? VIDEO_RESOLUTION_TIERS[1];
}

const roundCredits = (value: number): number => Math.round(value * 100) / 100;

/**
 * Credits a request costs once it succeeds. Throws RangeError for an unknown model, a
 * model of the wrong kind, or a malformed size — callers validating user input should
 * check those first (the emulator answers them with 400 before pricing).
 */
export function estimateCredits(request: CostRequest): number {
  const model = resolveModelId(request.model);
  if (request.kind === "image") {
    if (!model || !isImageModel(model)) throw new RangeError(`not an image model: ${request.model}`);
    const size = parseSize(request.size, "image");
    if (!size) throw new RangeError(`malformed size: ${request.size}`);
    const n = request.n ?? 1;
    const quality = QUALITY_MULTIPLIER[request.quality ?? "auto"];
    return roundCredits(IMAGE_PRICE_PER_IMAGE[model] * imageSizeTier(size.width, size.height).multiplier * quality * n);
  }
  if (!model || !isVideoModel(model)) throw new RangeError(`not a video model: ${request.model}`);
  const size = parseSize(request.size, "video");
  if (!size) throw new RangeError(`malformed size: ${request.size}`);
  const duration = request.duration ?? DEFAULT_VIDEO_DURATION[model];
  return roundCredits(VIDEO_PRICE_PER_SECOND[model] * duration * videoResolutionTier(size.width, size.height).multiplier);
}

/**
 * `estimateCredits` for a model the table does not know yet (the real service may add
 * some): estimated at the highest known rate, so holds err on the side of not overspending.
 */
export function estimateCreditsSafe(request: CostRequest): number {
  try {
    return estimateCredits(request);
  } catch {
    const table: Readonly<Record<string, number>> = request.kind === "image" ? IMAGE_PRICE_PER_IMAGE : VIDEO_PRICE_PER_SECOND;
    const top = Math.max(...Object.values(table));
    const model = Object.entries(table).find(([, p]) => p === top)?.[0] ?? "";
    return estimateCredits({ ...request, model });
  }
}
