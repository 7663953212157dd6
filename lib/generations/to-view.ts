import type { GenerationRow } from "@/lib/db/queries/generations";
import type { GenerationTileRow, TileMediaRow } from "@/lib/db/queries/generation-reads";
import { fromMilli } from "@/lib/catalog";
import { parseStoredParams } from "./params";
import { mediaUrls, type GenerationTileView, type GenerationView, type MediaView } from "./view";

export function mediaToView(m: TileMediaRow): MediaView {
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

/** What a tile and a full view share, from either row. */
function sharedFields(g: Pick<GenerationTileRow, "id" | "kind" | "status" | "progress" | "model" | "favorite" | "createdAt"> & { media: TileMediaRow[] }) {
  return {
    id: g.id,
    kind: g.kind,
    status: g.status,
    progress: g.status === "completed" ? 100 : g.progress,
    model: g.model,
    favorite: g.favorite,
    outputs: g.media.filter((m) => m.role === "output").map(mediaToView),
    inputs: g.media.filter((m) => m.role === "input").map(mediaToView),
    createdAt: g.createdAt.toISOString(),
  };
}

export function generationToView(g: GenerationRow): GenerationView {
  return {
    ...sharedFields(g),
    prompt: g.prompt,
    params: parseStoredParams(g.params),
    mode: g.mode,
    credits: { estimated: fromMilli(g.estimatedMilli), cost: g.costMilli === null ? null : fromMilli(g.costMilli) },
    error: g.status === "failed" ? { type: g.errorType ?? "server_error", message: g.errorMessage ?? "The generation failed." } : null,
    apiTokenName: g.apiTokenName,
    collectionIds: g.collectionItems.map((c) => c.collectionId),
    startedAt: g.startedAt?.toISOString() ?? null,
    completedAt: g.completedAt?.toISOString() ?? null,
  };
}

/**
 * A gallery tile from its trimmed row (the list query selects only this). Its two params
 * are checked by the same rules as storedParamsSchema (a non-empty string, a positive
 * number; anything else is dropped), written out: this runs for every tile of every page,
 * and the schema's per-field fallbacks were a visible share of a list read's CPU profile.
 */
export function generationToTileView(g: GenerationTileRow): GenerationTileView {
  const params: GenerationTileView["params"] = {};
  if (typeof g.size === "string" && g.size.length > 0) params.size = g.size;
  if (typeof g.duration === "number" && Number.isFinite(g.duration) && g.duration > 0) params.duration = g.duration;
  return { ...sharedFields(g), prompt: g.prompt, params };
}
