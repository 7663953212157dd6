import { z } from "zod";

/**
 * The Pixapi contract, both directions.
 *
 * Requests are described in the studio's own (camelCase) terms and turned into wire
 * bodies by the client; responses are described in Pixapi's wire terms and turned into
 * studio shapes by reshape.ts. Response objects strip unknown keys (the service may add
 * fields) but are strict about every field we read.
 */

// ---------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------

const modelId = z.string().trim().min(1).max(200);
const prompt = z.string().trim().min(1).max(32_000);
/** `auto`, `1024x1024`, or a ratio preset such as `16:9` (video). */
const size = z
  .string()
  .trim()
  .regex(/^(auto|\d{2,5}x\d{2,5}|\d{1,2}:\d{1,2})$/, "size must be auto, WIDTHxHEIGHT or a ratio like 16:9");

export const responseFormatSchema = z.enum(["url", "b64_json"]);

export const imageGenerationRequestSchema = z.object({
  model: modelId,
  prompt,
  n: z.number().int().min(1).max(10).optional(),
  size: size.optional(),
  quality: z.string().trim().min(1).max(40).optional(),
  responseFormat: responseFormatSchema.optional(),
});
export type ImageGenerationRequest = z.infer<typeof imageGenerationRequestSchema>;

/** One input image for an edit: a File, or any Blob with the filename to send it under. */
export const editImageSchema = z.union([
  z.instanceof(File),
  z.object({
    data: z.instanceof(Blob),
    filename: z.string().trim().min(1).max(255),
  }),
]);
export type EditImage = z.infer<typeof editImageSchema>;

export const imageEditRequestSchema = imageGenerationRequestSchema.extend({
  images: z.array(editImageSchema).min(1).max(16),
});
export type ImageEditRequest = z.infer<typeof imageEditRequestSchema>;

export const videoGenerationRequestSchema = z.object({
  model: modelId,
  prompt,
  /** Seconds. */
  duration: z.number().positive().max(600).optional(),
  size: size.optional(),
  /** Image-to-video: a URL Pixapi can fetch. */
  inputImage: z.url({ protocol: /^https?$/ }).optional(),
});
export type VideoGenerationRequest = z.infer<typeof videoGenerationRequestSchema>;

/** Task ids go into a path segment; keep them to a conservative alphabet. */
export const taskIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, "task id has unexpected characters");

// ---------------------------------------------------------------------------------------
// Responses (wire shapes)
// ---------------------------------------------------------------------------------------

/** Unix time. Seconds per the docs; reshape also accepts milliseconds. */
const unixTime = z.number().nonnegative();

export const imageDataSchema = z
  .object({
    url: z.string().min(1).optional(),
    b64_json: z.string().min(1).optional(),
    revised_prompt: z.string().optional(),
  })
  .refine((d) => d.url !== undefined || d.b64_json !== undefined, "each data item needs url or b64_json");

export const imagesResponseSchema = z.object({
  created: unixTime,
  data: z.array(imageDataSchema),
});
export type ImagesResponse = z.infer<typeof imagesResponseSchema>;

export const asyncSubmitResponseSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  progress: z.number().optional(),
  created_at: unixTime,
  model: z.string().optional(),
});
export type AsyncSubmitResponse = z.infer<typeof asyncSubmitResponseSchema>;

/** Undocumented: failed tasks may say why as a string or as an error-like object. */
export const taskErrorSchema = z.union([
  z.string(),
  z.object({
    message: z.string().optional(),
    code: z.union([z.string(), z.number()]).optional(),
    type: z.string().optional(),
  }),
]);

export const taskResponseSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  progress: z.number().nullish(),
  credits_cost: z.number().nullish(),
  model: z.string().nullish(),
  result: z
    .object({
      type: z.string().nullish(),
      data: z.array(z.object({ url: z.string().min(1).nullish() })).nullish(),
    })
    .nullish(),
  created: unixTime,
  completed: unixTime.nullish(),
  error: taskErrorSchema.nullish(),
  /** Some task APIs put the failure text here instead of `error`. */
  fail_reason: z.string().nullish(),
});
export type TaskResponse = z.infer<typeof taskResponseSchema>;

export const modelSchema = z.object({
  id: z.string().min(1),
  object: z.string().optional(),
  category: z.string().nullish(),
  capabilities: z.array(z.string()).nullish(),
});
export const modelsResponseSchema = z.object({
  object: z.string().optional(),
  data: z.array(modelSchema),
});
export type ModelsResponse = z.infer<typeof modelsResponseSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.union([z.number(), z.string()]).nullish(),
    message: z.string(),
    type: z.string().nullish(),
  }),
});
export type PixapiErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
