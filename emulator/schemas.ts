import { z } from "zod";
import { DEFAULT_VIDEO_SIZE, IMAGE_EDGE, IMAGE_QUALITIES, VIDEO_RATIO_PRESETS, parseSize } from "../lib/catalog";
import { invalidRequest } from "./errors";

/**
 * Request contracts. Unknown fields are ignored (OpenAI clients send extras such as
 * `user` or `stream: false`); every known field is checked strictly, and the first
 * problem becomes a 400 that names the field.
 */

export const MAX_N = 4;
export const MAX_PROMPT_CHARS = 32_000;
export const VIDEO_SIZES = ["1280x720", "720x1280", "720x720", "1920x1080", "1080x1920"] as const;
export const VIDEO_DURATION = { min: 1, max: 20 } as const;
export const OUTPUT_FORMATS = ["png", "jpeg", "webp"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const prompt = z
  .string({ error: "'prompt' is required and must be a string" })
  .trim()
  .min(1, "'prompt' must not be empty")
  .max(MAX_PROMPT_CHARS, `'prompt' is longer than ${MAX_PROMPT_CHARS} characters`);

const model = z.string({ error: "'model' is required and must be a string" }).trim().min(1, "'model' must not be empty");

/** Multipart sends every field as text, so numbers may arrive as digit strings. */
const intLike = (name: string, min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/, `'${name}' must be an integer`).transform(Number)], {
      error: `'${name}' must be an integer`,
    })
    .pipe(
      z
        .number()
        .int(`'${name}' must be an integer`)
        .min(min, `'${name}' must be between ${min} and ${max}`)
        .max(max, `'${name}' must be between ${min} and ${max}`),
    );

const imageSize = z
  .string({ error: "'size' must be a string" })
  .trim()
  .superRefine((value, ctx) => {
    if (value === "auto") return;
    const parsed = /^\d+x\d+$/.test(value) ? parseSize(value, "image") : undefined;
    const { min, max, step, maxRatio } = IMAGE_EDGE;
    const problem = !parsed
      ? "must be 'auto' or WIDTHxHEIGHT, e.g. 1024x1024"
      : [parsed.width, parsed.height].some((e) => e < min || e > max || e % step !== 0)
        ? `edges must be multiples of ${step} between ${min} and ${max}`
        : Math.max(parsed.width, parsed.height) / Math.min(parsed.width, parsed.height) > maxRatio
          ? `aspect ratio must be at most ${maxRatio}:1`
          : undefined;
    if (problem) ctx.addIssue({ code: "custom", message: `Invalid 'size' '${value}': ${problem}` });
  });

const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

const imageFields = {
  model,
  prompt,
  n: intLike("n", 1, MAX_N).default(1),
  size: imageSize.default("auto"),
  quality: z.enum(IMAGE_QUALITIES, { error: `'quality' must be one of ${IMAGE_QUALITIES.join(", ")}` }).default("auto"),
  response_format: z.enum(["url", "b64_json"], { error: "'response_format' must be 'url' or 'b64_json'" }).default("url"),
  output_format: z.enum(OUTPUT_FORMATS, { error: `'output_format' must be one of ${OUTPUT_FORMATS.join(", ")}` }).default("png"),
  stream: flag
    .optional()
    .refine((v) => v !== true, "Streaming ('stream': true) is not supported; omit it or send false"),
};

export const imageRequestSchema = z.object(imageFields);
export type ImageRequest = z.infer<typeof imageRequestSchema>;

const videoSize = z
  .string({ error: "'size' must be a string" })
  .trim()
  .refine(
    (v) => (VIDEO_SIZES as readonly string[]).includes(v) || v in VIDEO_RATIO_PRESETS,
    `Invalid 'size': use one of ${[...VIDEO_SIZES, ...Object.keys(VIDEO_RATIO_PRESETS)].join(", ")}`,
  );

export const videoRequestSchema = z.object({
  model,
  prompt,
  duration: z
    .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)], {
      error: "'duration' must be a number of seconds",
    })
    .pipe(
      z
        .number()
        .int("'duration' must be a whole number of seconds")
        .min(VIDEO_DURATION.min, `'duration' must be between ${VIDEO_DURATION.min} and ${VIDEO_DURATION.max} seconds`)
        .max(VIDEO_DURATION.max, `'duration' must be between ${VIDEO_DURATION.min} and ${VIDEO_DURATION.max} seconds`),
    )
    .optional(),
  size: videoSize.default(DEFAULT_VIDEO_SIZE),
  input_image: z
    .string({ error: "'input_image' must be a URL string" })
    .trim()
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
      } catch {
        return false;
      }
    }, "'input_image' must be an absolute http(s) URL")
    .optional(),
});
export type VideoRequest = z.infer<typeof videoRequestSchema>;

/** `?async=true` and `"async": true` were the old way; the docs now point to /v1/async/*. */
export function rejectDeprecatedAsync(query: URLSearchParams, body: Record<string, unknown> | undefined, asyncPath: string): void {
  const q = query.get("async");
  const b = body?.async;
  if ((q !== null && q !== "false" && q !== "0") || b === true || b === "true") {
    throw invalidRequest(`'async' is no longer supported; submit to POST ${asyncPath} instead and poll GET /v1/tasks/{id}.`);
  }
}

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalidRequest("Request body must be a JSON object");
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") ?? "";
  // Custom messages already name the field; zod's built-ins get the field prefixed.
  const message = issue === undefined ? "Invalid request" : issue.message.includes("'") ? issue.message : `Invalid '${field}': ${issue.message}`;
  throw invalidRequest(message);
}
