import { imageSizeTier, type ImageModelId, type ImageQuality, type VideoModelId } from "../lib/catalog";

/**
 * How long the real service would take, before the time scale. Numbers are chosen to
 * feel real in demo mode: a couple of seconds for a small flash image, ~10–20 s for 2K
 * pro images, 20–40 s for video.
 */

const IMAGE_BASE_MS: Record<ImageModelId, number> = {
  "gemini-2.5-flash-image": 2500,
  "gemini-3.1-flash-image-preview": 3500,
  "gemini-3-pro-image-preview": 6000,
  "gpt-image-2": 7000,
};
const TIER_FACTOR = { "1K": 1, "2K": 2, "4K": 3.5 } as const;
const QUALITY_FACTOR: Record<ImageQuality, number> = { low: 0.6, medium: 1, high: 1.6, auto: 1 };

export function imageDurationMs(p: { model: ImageModelId; width: number; height: number; quality: ImageQuality; n: number; edit: boolean }): number {
  const tier = imageSizeTier(p.width, p.height).tier;
  // Extra images in one request are generated partly in parallel.
  return IMAGE_BASE_MS[p.model] * TIER_FACTOR[tier] * QUALITY_FACTOR[p.quality] * (1 + 0.35 * (p.n - 1)) * (p.edit ? 1.2 : 1);
}

const VIDEO_MODEL_FACTOR: Record<VideoModelId, number> = { veo: 1.2, wan: 0.8, "sora-2": 1 };

export function videoDurationMs(p: { model: VideoModelId; width: number; height: number; seconds: number }): number {
  const hd = p.width * p.height > 1280 * 720 ? 1.5 : 1;
  return (12_000 + p.seconds * 2_500) * VIDEO_MODEL_FACTOR[p.model] * hd;
}
