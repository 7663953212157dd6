import "server-only";

import { createPixapiClient, type PixapiClient } from "./client";

/**
 * The studio's one door to Pixapi. Import from "@/lib/pixapi": the client factory, the
 * studio's own shapes and the error type. The wire contract (schemas.ts) stays inside.
 *
 * The default client reads PIXAPI_BASE_URL / PIXAPI_KEY / PIXAPI_TIMEOUT_MS from the
 * validated env on each call, so importing this module needs no env (next build).
 */

let defaultClient: PixapiClient | undefined;

export function pixapi(): PixapiClient {
  defaultClient ??= createPixapiClient();
  return defaultClient;
}

export { createPixapiClient, type PixapiClient } from "./client";
export type { DownloadedFile, DownloadedMedia, DownloadOptions } from "./download";
export { isPixapiError, PixapiError, type PixapiErrorType, toAppError } from "./errors";
export type { PixapiConfig, RetryPolicy } from "./http";
export type { GeneratedImage, GeneratedImages, MediaKind, ModelCategory, PixapiModel, PixapiTask, TaskFailure, TaskStatus } from "./reshape";
export type { EditImage, ImageEditRequest, ImageGenerationRequest, VideoGenerationRequest } from "./schemas";
