import { z } from "zod";
import {
  customSizeProblem,
  IMAGE_EDGE,
  IMAGE_QUALITIES,
  IMAGE_SIZE_PRESETS,
  VIDEO_DURATION_DEFAULT,
  VIDEO_DURATION_MAX,
  VIDEO_DURATION_MIN,
  VIDEO_SIZE_DEFAULT,
  VIDEO_SIZES,
} from "@/lib/catalog";
import { safeText } from "./safe-text";

/**
 * What a creator may ask for, checked identically in the browser (instant feedback) and on
 * the server (the real gate, before any credit is spent). The sizes, qualities and
 * durations themselves come from lib/catalog; the names below are the form's view of them.
 */
export const PROMPT_MAX = 4000;
/** Per uploaded image; the server enforces it (lib/media), the browser checks it first. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const N_MAX = 4;
export const MAX_EDIT_IMAGES = 4;
export const SIZE_PRESETS = IMAGE_SIZE_PRESETS;
export const QUALITIES = IMAGE_QUALITIES;
export const CUSTOM_SIZE_MIN = IMAGE_EDGE.min;
export const CUSTOM_SIZE_MAX = IMAGE_EDGE.max;
export const CUSTOM_SIZE_STEP = IMAGE_EDGE.step;
export const CUSTOM_SIZE_MAX_RATIO = IMAGE_EDGE.maxRatio;
export { customSizeProblem, VIDEO_DURATION_MAX, VIDEO_DURATION_MIN, VIDEO_SIZES };

export const promptSchema = safeText({
  min: 1,
  max: PROMPT_MAX,
  multiline: true,
  required: "Describe what you want to see.",
  tooLong: `Keep the prompt under ${PROMPT_MAX} characters.`,
});

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
    .default(VIDEO_DURATION_DEFAULT),
  size: z.enum(VIDEO_SIZES, { error: `Size must be one of: ${VIDEO_SIZES.join(", ")}.` }).default(VIDEO_SIZE_DEFAULT),
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


export type ImageParams = z.infer<typeof imageParamsSchema>;
export type GenerateRequest = z.infer<typeof generateRequestSchema>;
export type EditFields = z.infer<typeof editFieldsSchema>;
export type VideoRequest = z.infer<typeof videoRequestSchema>;
