import "server-only";

import type { z } from "zod";

import { downloadMediaToFileWith, downloadMediaWith, type DownloadedFile, type DownloadedMedia, type DownloadOptions } from "./download";
import { PixapiError } from "./errors";
import { type PixapiConfig, requestJson, resolveConfig, type ResolvedConfig } from "./http";
import { MODEL_ALIASES, typeForFileName } from "@/lib/catalog";
import {
  type GeneratedImages,
  type PixapiModel,
  type PixapiTask,
  reshapeImages,
  reshapeModels,
  reshapeSubmittedTask,
  reshapeTask,
} from "./reshape";
import {
  asyncSubmitResponseSchema,
  type EditImage,
  type ImageEditRequest,
  imageEditRequestSchema,
  type ImageGenerationRequest,
  imageGenerationRequestSchema,
  imagesResponseSchema,
  modelsResponseSchema,
  taskIdSchema,
  taskResponseSchema,
  type VideoGenerationRequest,
  videoGenerationRequestSchema,
} from "./schemas";

/** Validates what the studio asks for before any credit can be spent on it. */
function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`)
    .join("; ");
  throw new PixapiError({ type: "invalid_request_error", message: `Invalid request: ${detail}.`, cause: result.error });
}

/** A wire body: the studio's fields under Pixapi's names, the ones left out not sent at all. */
function wireBody(fields: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
}

const generationBody = (input: ImageGenerationRequest) =>
  wireBody({ model: input.model, prompt: input.prompt, n: input.n, size: input.size, quality: input.quality, response_format: input.responseFormat });

const videoBody = (input: VideoGenerationRequest) =>
  wireBody({ model: input.model, prompt: input.prompt, duration: input.duration, size: input.size, input_image: input.inputImage });

/** A part with a filename and a content type, inferring the type from the name if the Blob has none. */
function imagePart(image: EditImage): { blob: Blob; filename: string } {
  const blob = image instanceof File ? image : image.data;
  const filename = image instanceof File ? image.name || "image" : image.filename;
  if (blob.type) return { blob, filename };
  const type = typeForFileName(filename) || "application/octet-stream";
  return { blob: new Blob([blob], { type }), filename };
}

function editForm(input: ImageEditRequest): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(generationBody(input))) form.append(key, String(value));
  for (const image of input.images) {
    const { blob, filename } = imagePart(image);
    form.append("image", blob, filename);
  }
  return form;
}

/** One upstream operation: a body (JSON) or a form (multipart) makes it a POST, never retried; neither, a GET, retried. */
type Call<R, T> = { path: string; schema: z.ZodType<R>; reshape: (response: R) => T } & (
  | { body: Record<string, string | number>; form?: never }
  | { form: FormData; body?: never }
  | { body?: never; form?: never }
);

async function call<R, T>(cfg: ResolvedConfig, { path, body, form, schema, reshape }: Call<R, T>): Promise<T> {
  const write = body !== undefined || form !== undefined;
  const res = await requestJson(cfg, { method: write ? "POST" : "GET", path, json: body, form, schema, idempotent: !write });
  return reshape(res);
}

/**
 * A Pixapi client: each upstream operation, declared once. Anything `config` leaves out
 * comes from the validated env at call time, and every call may override any of it
 * (tests point `baseUrl` at an emulator).
 */
export function createPixapiClient(config: PixapiConfig = {}) {
  const cfg = (options?: PixapiConfig) => resolveConfig(config, options);

  return {
    /** POST /v1/images/generations (sync). Never retried. */
    generateImages: async (input: ImageGenerationRequest, options?: PixapiConfig): Promise<GeneratedImages> =>
      call(cfg(options), { path: "/v1/images/generations", body: generationBody(validate(imageGenerationRequestSchema, input)), schema: imagesResponseSchema, reshape: reshapeImages }),

    /** POST /v1/images/edits (sync, multipart). Never retried. */
    editImages: async (input: ImageEditRequest, options?: PixapiConfig): Promise<GeneratedImages> =>
      call(cfg(options), { path: "/v1/images/edits", form: editForm(validate(imageEditRequestSchema, input)), schema: imagesResponseSchema, reshape: reshapeImages }),

    /** POST /v1/async/images/generations. Never retried. */
    submitImageGeneration: async (input: ImageGenerationRequest, options?: PixapiConfig): Promise<PixapiTask> =>
      call(cfg(options), {
        path: "/v1/async/images/generations",
        body: generationBody(validate(imageGenerationRequestSchema, input)),
        schema: asyncSubmitResponseSchema,
        reshape: reshapeSubmittedTask,
      }),

    /** POST /v1/async/images/edits (multipart). Never retried. */
    submitImageEdit: async (input: ImageEditRequest, options?: PixapiConfig): Promise<PixapiTask> =>
      call(cfg(options), { path: "/v1/async/images/edits", form: editForm(validate(imageEditRequestSchema, input)), schema: asyncSubmitResponseSchema, reshape: reshapeSubmittedTask }),

    /** POST /v1/async/videos/generations. Never retried. */
    submitVideoGeneration: async (input: VideoGenerationRequest, options?: PixapiConfig): Promise<PixapiTask> =>
      call(cfg(options), { path: "/v1/async/videos/generations", body: videoBody(validate(videoGenerationRequestSchema, input)), schema: asyncSubmitResponseSchema, reshape: reshapeSubmittedTask }),

    /** GET /v1/tasks/{id}. Retried on network errors, 429 and 5xx. */
    getTask: async (id: string, options?: PixapiConfig): Promise<PixapiTask> =>
      call(cfg(options), { path: `/v1/tasks/${encodeURIComponent(validate(taskIdSchema, id))}`, schema: taskResponseSchema, reshape: reshapeTask }),

    /** GET /v1/models. Retried on network errors, 429 and 5xx. */
    listModels: async (options?: PixapiConfig): Promise<PixapiModel[]> =>
      call(cfg(options), { path: "/v1/models", schema: modelsResponseSchema, reshape: (res) => reshapeModels(res, MODEL_ALIASES) }),

    /** GET a result file (bytes, content type, size limit). Retried like the other reads. */
    downloadMedia: async (url: string, options?: PixapiConfig & DownloadOptions): Promise<DownloadedMedia> =>
      downloadMediaWith(cfg(options), url, { maxBytes: options?.maxBytes }),

    /** GET a result file into a local file, streamed and hashed, with the same size limit and retries. */
    downloadMediaToFile: async (url: string, file: string, options?: PixapiConfig & DownloadOptions): Promise<DownloadedFile> =>
      downloadMediaToFileWith(cfg(options), url, file, { maxBytes: options?.maxBytes }),
  };
}

export type PixapiClient = ReturnType<typeof createPixapiClient>;
