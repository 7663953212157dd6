import "server-only";

import { createPixapiClient, type PixapiClient } from "./client";

/**
 * The studio's one door to Pixapi. Import from "@/lib/pixapi".
 *
 * The default client reads PIXAPI_BASE_URL / PIXAPI_KEY / PIXAPI_TIMEOUT_MS from the
 * validated env on each call, so importing this module needs no env (next build).
 */

let defaultClient: PixapiClient | undefined;

export function pixapi(): PixapiClient {
  defaultClient ??= createPixapiClient();
  return defaultClient;
}

export const generateImages: PixapiClient["generateImages"] = (input, options) => pixapi().generateImages(input, options);
export const editImages: PixapiClient["editImages"] = (input, options) => pixapi().editImages(input, options);
export const submitImageGeneration: PixapiClient["submitImageGeneration"] = (input, options) =>
  pixapi().submitImageGeneration(input, options);
export const submitImageEdit: PixapiClient["submitImageEdit"] = (input, options) => pixapi().submitImageEdit(input, options);
export const submitVideoGeneration: PixapiClient["submitVideoGeneration"] = (input, options) =>
  pixapi().submitVideoGeneration(input, options);
export const getTask: PixapiClient["getTask"] = (id, options) => pixapi().getTask(id, options);
export const listModels: PixapiClient["listModels"] = (options) => pixapi().listModels(options);
export const downloadMedia: PixapiClient["downloadMedia"] = (url, options) => pixapi().downloadMedia(url, options);

export { createPixapiClient, type PixapiClient } from "./client";
export { DEFAULT_MAX_MEDIA_BYTES, type DownloadedMedia, type DownloadOptions } from "./download";
export {
  isPixapiError,
  isRetryable,
  parseRetryAfter,
  PIXAPI_ERROR_TYPES,
  PixapiError,
  type PixapiErrorType,
  toAppError,
} from "./errors";
export { DEFAULT_RETRY, type PixapiConfig, type RetryPolicy } from "./http";

export {
  type GeneratedImage,
  type GeneratedImages,
  isTerminalStatus,
  type MediaKind,
  type ModelCategory,
  type PixapiModel,
  type PixapiTask,
  reshapeImages,
  reshapeModels,
  reshapeSubmittedTask,
  reshapeTask,
  reshapeTaskStatus,
  TASK_STATUSES,
  type TaskFailure,
  type TaskStatus,
} from "./reshape";
export * from "./schemas";
