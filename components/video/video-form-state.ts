import { zodFields } from "@/lib/http/zod-fields";
import type { GenerationView } from "@/lib/generations/view";
import { estimateCredits, VIDEO_RATIO_PRESETS } from "@/lib/catalog";
import { VIDEO_DURATION_MAX, VIDEO_DURATION_MIN, videoRequestSchema, type VideoRequest } from "@/lib/validation/generation";

/**
 * The video form as the person edits it, and the pure functions around it: validation with
 * the server's own schema, the price estimate, and prefilling from an earlier video (Remix).
 *
 * The API takes five sizes, but 1280x720 and 16:9 are the same frame (as are 720x1280 and
 * 9:16), so the form offers three shapes and sends the ratio; remixes of either spelling
 * land on the right one.
 */
/** The three shapes the form offers; their names are in the catalog (video.aspects). */
export const ASPECTS = ["16:9", "9:16", "1:1"] as const;
export type Aspect = (typeof ASPECTS)[number];

const SIZE_TO_ASPECT: Record<string, Aspect> = { "16:9": "16:9", "1280x720": "16:9", "9:16": "9:16", "720x1280": "9:16", "1:1": "1:1" };

export function frameOf(aspect: Aspect): { width: number; height: number } {
  return VIDEO_RATIO_PRESETS[aspect] ?? { width: 1280, height: 720 };
}

export interface VideoFormValues {
  model: string;
  prompt: string;
  duration: number;
  aspect: Aspect;
}

export type FieldErrors = Partial<Record<string, string>>;

export const DEFAULT_DURATION = 5;
export const DEFAULT_VIDEO_VALUES: VideoFormValues = { model: "", prompt: "", duration: DEFAULT_DURATION, aspect: "16:9" };

export function validateVideoForm(values: VideoFormValues, model: string): { data?: VideoRequest; errors: FieldErrors } {
  const parsed = videoRequestSchema.safeParse({ kind: "video", model, prompt: values.prompt, duration: values.duration, size: values.aspect });
  return parsed.success ? { data: parsed.data, errors: {} } : { errors: zodFields(parsed.error) };
}

/** Credits the video would cost, or null when it can't be priced (no model yet, or one the table doesn't know). */
export function estimateVideo(values: VideoFormValues, model: string): number | null {
  if (!model) return null;
  try {
    return estimateCredits({ kind: "video", model, duration: values.duration, size: values.aspect });
  } catch {
    return null;
  }
}

const clampDuration = (n: number) => Math.min(VIDEO_DURATION_MAX, Math.max(VIDEO_DURATION_MIN, Math.round(n)));

/** The form filled from an earlier video, for Remix; anything unusable falls back to the defaults. */
export function videoValuesFrom(generation: GenerationView): VideoFormValues {
  const { duration, size } = generation.params;
  return {
    model: generation.model,
    prompt: generation.prompt,
    duration: typeof duration === "number" ? clampDuration(duration) : DEFAULT_DURATION,
    aspect: SIZE_TO_ASPECT[size ?? ""] ?? DEFAULT_VIDEO_VALUES.aspect,
  };
}

/** The shape closest to a picture's, so an animated image isn't cropped more than it must be. */
export function closestAspect(width: number, height: number): Aspect {
  const ratio = width / height;
  if (ratio >= 1.25) return "16:9";
  if (ratio <= 0.8) return "9:16";
  return "1:1";
}
