import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/json-body";
import { readMultipart } from "@/lib/http/multipart";
import { imageParamsSchema, MAX_EDIT_IMAGES, MAX_UPLOAD_BYTES, videoRequestSchema, type GenerationRequest } from "@/lib/validation/generation";

/**
 * Pixapi's request bodies (snake_case, OpenAI-compatible) turned into the studio's own
 * GenerationRequest, checked by the same schemas the UI's requests go through. Unknown
 * fields are ignored, as OpenAI clients send extras (`user`, `stream: false`).
 */
export const responseFormatSchema = z.enum(["url", "b64_json"], { error: "response_format must be url or b64_json." }).default("url");
export type ResponseFormat = z.infer<typeof responseFormatSchema>;

/** Fields Pixapi refuses outright, with its reasons. */
const refusedFlags = z.object({
  stream: z.unknown().optional().refine((v) => v === undefined || v === false || v === "false", "Streaming is not supported; leave 'stream' out."),
  async: z.unknown().optional().refine((v) => v === undefined, "The 'async' field is not supported; use the /v1/async/* endpoints."),
});

const imageBody = imageParamsSchema.extend({ response_format: responseFormatSchema }).and(refusedFlags);

const videoBody = videoRequestSchema
  .omit({ kind: true })
  .extend({ input_image: z.string().trim().min(1).max(12 * 1024 * 1024).optional() })
  .and(refusedFlags);
export type VideoBody = z.infer<typeof videoBody>;

function refuseAsyncQuery(req: Request): void {
  if (new URL(req.url).searchParams.has("async")) {
    throw new AppError("invalid_request_error", "The '?async' query is not supported; use the /v1/async/* endpoints.");
  }
}

export async function readImageGeneration(req: Request): Promise<{ request: GenerationRequest; responseFormat: ResponseFormat }> {
  refuseAsyncQuery(req);
  const body = await readJson(req, imageBody);
  const { response_format, model, prompt, n, size, quality } = body;
  return { request: { kind: "image", model, prompt, n, size, quality }, responseFormat: response_format };
}

/** Data URLs carry a base64 image; 12 MB of text holds a bit under 9 MB of image. */
const MAX_VIDEO_JSON_BYTES = 12 * 1024 * 1024 + 64 * 1024;

export async function readVideoGeneration(req: Request): Promise<VideoBody> {
  refuseAsyncQuery(req);
  return readJson(req, videoBody, { maxBytes: MAX_VIDEO_JSON_BYTES });
}

export async function readImageEdit(req: Request): Promise<{ request: GenerationRequest; uploads: Uint8Array[]; responseFormat: ResponseFormat }> {
  refuseAsyncQuery(req);
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("invalid_request_error", "Send image edits as multipart/form-data with one or more 'image' files.");
  }
  const { fields, files: uploads } = await readMultipart(req, imageBody, { maxBytes: MAX_EDIT_IMAGES * MAX_UPLOAD_BYTES + 64 * 1024, maxFileBytes: MAX_UPLOAD_BYTES, fileField: "image" });
  const { response_format, model, prompt, n, size, quality } = fields;
  return { request: { kind: "edit", model, prompt, n, size, quality }, uploads, responseFormat: response_format };
}
