import "server-only";
import { AppError } from "@/lib/errors";
import { canonicalModelId } from "@/lib/catalog";
import { pixapi, type PixapiModel } from "@/lib/pixapi";
import type { ModelView } from "./view";

/**
 * The upstream's model list, cached on the server: every page load and every submit needs
 * it, and it changes rarely. Concurrent misses share one upstream request.
 */
const TTL_MS = 5 * 60_000;
let cache: { at: number; models: PixapiModel[] } | undefined;
let inflight: Promise<PixapiModel[]> | undefined;

export async function getModels(): Promise<ModelView[]> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.models;
  inflight ??= pixapi()
    .listModels()
    .then((models) => {
      cache = { at: Date.now(), models };
      return models;
    })
    .finally(() => {
      inflight = undefined;
    });
  return inflight;
}

export function resetModelCache(): void {
  cache = undefined;
}

export type Capability = "text-to-image" | "image-to-image" | "video";

function supports(model: ModelView, capability: Capability): boolean {
  if (capability === "video") return model.category === "video";
  return model.category === "image" && model.capabilities.includes(capability);
}

/** Resolves a requested id or alias to a listed model that can do the job, or a clear 400. */
export async function requireModel(requested: string, capability: Capability): Promise<ModelView> {
  const models = await getModels();
  const canonical = canonicalModelId(requested);
  const model = models.find((m) => m.id === canonical);
  if (!model) {
    throw new AppError("invalid_request_error", `Unknown model "${requested}". Pick one from the list.`, { fields: { model: "Unknown model." } });
  }
  if (!supports(model, capability)) {
    const what = capability === "video" ? "video generation" : capability === "image-to-image" ? "image editing" : "image generation";
    throw new AppError("invalid_request_error", `The model "${requested}" does not support ${what}.`, {
      fields: { model: `Not available for ${what}.` },
    });
  }
  return model;
}
