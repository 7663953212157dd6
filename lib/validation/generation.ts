import { z } from "zod";
import { safeText } from "./safe-text";

/**
 * What a creator may ask for, checked identically in the browser (instant feedback) and on
 * the server (the real gate, before any credit is spent).
 */
export const PROMPT_MAX = 4000;
/** Per uploaded image; the server enforces it (lib/media), the browser checks it first. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const N_MAX = 4;
export const SIZE_PRESETS = ["auto", "1024x1024", "1536x1024", "1024x1536", "2048x2048"] as const;
export const QUALITIES = ["auto", "low", "medium", "high"] as const;
export const CUSTOM_SIZE_MIN = 256;
export const CUSTOM_SIZE_MAX = 4096;
export const VIDEO_SIZES = ["1280x720", "720x1280", "16:9", "9:16", "1:1"] as const;
export const VIDEO_DURATION_MIN = 2;
export const VIDEO_DURATION_MAX = 20;

export const promptSchema = safeText({
  min: 1,
  max: PROMPT_MAX,
  multiline: true,
  required: "Describe what you want to see.",
  tooLong: `Keep the prompt under ${PROMPT_MAX} characters.`,
});

export const CUSTOM_SIZE_STEP = 16;
export const CUSTOM_SIZE_MAX_RATIO = 3;

/** Why a custom WIDTHxHEIGHT is refused, or null when it is fine (shared with the form). */
export function customSizeProblem(width: number, height: number): string | null {
  if (!Number.isInteger(width) || !Number.isInteger(height)) return "Width and height must be whole numbers.";
  if (width < CUSTOM_SIZE_MIN || height < CUSTOM_SIZE_MIN || width > CUSTOM_SIZE_MAX || height > CUSTOM_SIZE_MAX) {
    return `Each side must be between ${CUSTOM_SIZE_MIN} and ${CUSTOM_SIZE_MAX} pixels.`;
  }
  if (width % CUSTOM_SIZE_STEP !== 0 || height % CUSTOM_SIZE_STEP !== 0) return `Each side must be a multiple of ${CUSTOM_SIZE_STEP}.`;
  if (Math.max(width, height) / Math.min(width, height) > CUSTOM_SIZE_MAX_RATIO) return `The aspect ratio can be at most ${CUSTOM_SIZE_MAX_RATIO}:1.`;
  return null;
}

export const sizeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((v, ctx) => {
    if ((SIZE_PRESETS as readonly string[]).includes(v)) return;
    const m = /^(\d{2,5})x(\d{2,5})$/.exec(v);
    const problem = m ? customSizeProblem(Number(m[1]), Number(m[2])) : "Size must be auto or WIDTHxHEIGHT, e.g. 1024x1024.";
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const modelSchema = safeText({ min: 1, max: 100, required: "Choose a model." });

export const imageParamsSchema = z.object({
  model: modelSchema,
  prompt: promptSchema,
  n: z.coerce.number({ error: "Number of images must be a number." }).int().min(1, "Ask for at least 1 image.").max(N_MAX, `Ask for at most ${N_MAX} images.`).default(1),
  size: sizeSchema.default("1024x1024"),
  quality: z.enum(QUALITIES, { error: `Quality must be one of: ${QUALITIES.join(", ")}.` }).default("auto"),
});

export const generateRequestSchema = imageParamsSchema.extend({ kind: z.literal("image") });
export const editFieldsSchema = imageParamsSchema.extend({ kind: z.literal("edit") });

export const videoRequestSchema = z.object({
  kind: z.literal("video"),
  model: modelSchema,
  prompt: promptSchema,
  duration: z.coerce
    .number({ error: "Duration must be a number of seconds." })
    .int("Duration must be whole seconds.")
    .min(VIDEO_DURATION_MIN, `Videos are at least ${VIDEO_DURATION_MIN} seconds.`)
    .max(VIDEO_DURATION_MAX, `Videos are at most ${VIDEO_DURATION_MAX} seconds.`)
    .default(5),
  size: z.enum(VIDEO_SIZES, { error: `Size must be one of: ${VIDEO_SIZES.join(", ")}.` }).default("1280x720"),
});

/** JSON bodies of POST /api/generations (edits, and videos with an input image, are multipart). */
export const jsonGenerationRequestSchema = z.discriminatedUnion("kind", [generateRequestSchema, videoRequestSchema], {
  error: 'kind must be "image", "edit" or "video".',
});
export type GenerationRequest = GenerateRequest | EditFields | VideoRequest;

/** Multipart fields of POST /api/generations: edits, and videos that start from an image. */
export const multipartFieldsSchema = z.discriminatedUnion("kind", [editFieldsSchema, videoRequestSchema], {
  error: 'kind must be "edit" or "video" for uploads.',
});

export const MAX_EDIT_IMAGES = 4;

export type ImageParams = z.infer<typeof imageParamsSchema>;
export type GenerateRequest = z.infer<typeof generateRequestSchema>;
export type EditFields = z.infer<typeof editFieldsSchema>;
export type VideoRequest = z.infer<typeof videoRequestSchema>;

/** Pixel count of a size; "auto" counts as 1024². */
export function pixelsOf(size: string): number {
  const m = /^(\d+)x(\d+)$/.exec(size);
  return m ? Number(m[1]) * Number(m[2]) : 1024 * 1024;
}
