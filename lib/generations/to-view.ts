import type { GenerationRow } from "@/lib/db/queries/generations";
import type { MediaRow } from "@/lib/db/queries/media";
import { fromMilli } from "@/lib/catalog";
import { parseStoredParams } from "./params";
import { mediaUrls, type GenerationView, type MediaView } from "./view";

export function mediaToView(m: MediaRow): MediaView {
  return {
    id: m.id,
    kind: m.kind,
    role: m.role,
    mimeType: m.mimeType,
    width: m.width,
    height: m.height,
    durationMs: m.durationMs,
    bytes: m.bytes,
    ...mediaUrls(m.id),
  };
}

export function generationToView(g: GenerationRow): GenerationView {
  return {
    id: g.id,
    kind: g.kind,
    status: g.status,
    progress: g.status === "completed" ? 100 : g.progress,
    model: g.model,
    prompt: g.prompt,
    params: parseStoredParams(g.params),
    mode: g.mode,
    credits: { estimated: fromMilli(g.estimatedMilli), cost: g.costMilli === null ? null : fromMilli(g.costMilli) },
    error: g.status === "failed" ? { type: g.errorType ?? "server_error", message: g.errorMessage ?? "The generation failed." } : null,
    outputs: g.media.filter((m) => m.role === "output").map(mediaToView),
    inputs: g.media.filter((m) => m.role === "input").map(mediaToView),
    apiTokenName: g.apiTokenName,
    favorite: g.favorite,
    collectionIds: g.collectionItems.map((c) => c.collectionId),
    createdAt: g.createdAt.toISOString(),
    startedAt: g.startedAt?.toISOString() ?? null,
    completedAt: g.completedAt?.toISOString() ?? null,
  };
}
