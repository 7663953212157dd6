import type { GenerationRow } from "@/lib/db/queries/generations";
import type { TileMediaRow } from "@/lib/db/queries/generation-reads";
import { fromMilli } from "@/lib/catalog";
import { parseStoredParams } from "./params";
import { mediaUrls, type GenerationView, type MediaView } from "./view";

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

/** What a tile and a full view share (gallery tiles are written by SQL: generation-reads.ts tileJson). */
function sharedFields(g: Pick<GenerationRow, "id" | "kind" | "status" | "progress" | "model" | "favorite" | "createdAt"> & { media: TileMediaRow[] }) {
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
