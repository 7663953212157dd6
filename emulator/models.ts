import {
  IMAGE_MODEL_IDS,
  MODEL_CAPABILITIES,
  VIDEO_MODEL_IDS,
  isImageModel,
  isVideoModel,
  resolveModelId,
  type ImageModelId,
  type VideoModelId,
} from "../lib/catalog";
import { invalidRequest } from "./errors";

export interface ModelEntry {
  id: string;
  object: "model";
  category: "image" | "video";
  capabilities: string[];
}

/** GET /v1/models lists canonical ids only; aliases stay usable but hidden, as documented. */
export const MODEL_LIST: readonly ModelEntry[] = [
  ...IMAGE_MODEL_IDS.map((id) => ({
    id,
    object: "model" as const,
    category: "image" as const,
    capabilities: [...MODEL_CAPABILITIES.image],
  })),
  ...VIDEO_MODEL_IDS.map((id) => ({
    id,
    object: "model" as const,
    category: "video" as const,
    capabilities: [...MODEL_CAPABILITIES.video],
  })),
];

/**
 * Resolves a requested id for an image endpoint. A video model here is a client mistake
 * with a known fix, so the message says where to go instead of just "unknown".
 */
export function requireImageModel(requested: string): ImageModelId {
  const id = resolveModelId(requested);
  if (id === undefined) throw invalidRequest(`Unknown model '${requested}'. GET /v1/models lists the available ids.`);
  if (!isImageModel(id)) {
    throw invalidRequest(`Model '${requested}' is a video model; use POST /v1/async/videos/generations.`);
  }
  return id;
}

export function requireVideoModel(requested: string): VideoModelId {
  const id = resolveModelId(requested);
  if (id === undefined) throw invalidRequest(`Unknown model '${requested}'. GET /v1/models lists the available ids.`);
  if (!isVideoModel(id)) {
    throw invalidRequest(
      `Model '${requested}' is an image model; use /v1/images/generations, /v1/images/edits or their /v1/async/* forms.`,
    );
  }
  return id;
}
