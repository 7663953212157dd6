/**
 * The studio API's shapes for generations and media, as the browser sees them. Built from
 * database rows by lib/generations; no upstream (Pixapi) field or URL ever appears here.
 * Credits are plain numbers (credits, not millicredits) for display.
 */
export type GenerationKind = "image" | "edit" | "video";
export type GenerationStatus = "queued" | "running" | "completed" | "failed";

export interface MediaView {
  id: string;
  kind: "image" | "video";
  role: "input" | "output";
  mimeType: string;
  width: number;
  height: number;
  durationMs: number | null;
  bytes: number;
  /** Same-origin URLs served by /api/media/[id], owner only. */
  url: string;
  thumbUrl: string;
  downloadUrl: string;
}

/**
 * One tile of a gallery page (`GET /api/generations`): what the grid, its viewer and the
 * detail view's first paint show, and nothing else. The rest (credits, error text, the
 * token, timings, collections, every parameter, the whole prompt) is one click away in
 * `GET /api/generations/{id}`, which the detail view reads anyway.
 */
export interface GenerationTileView {
  id: string;
  kind: GenerationKind;
  status: GenerationStatus;
  /** 0..100; 100 once completed. */
  progress: number;
  model: string;
  /** The prompt, cut to TILE_PROMPT_MAX characters (ending in "…" when cut). */
  prompt: string;
  /** What shapes a tile before its media exists (size) and labels a video (duration). */
  params: { size?: string; duration?: number };
  favorite: boolean;
  outputs: MediaView[];
  /** An edit's input images: the viewer compares an edit with what it started from. */
  inputs: MediaView[];
  createdAt: string;
}

/** A tile's prompt is a caption (two lines on screen, the tile's accessible name): this is plenty. */
// The database cuts it (migration stored_tile, studio_tile_text): tests/routes/gallery-tiles.test.ts holds the two equal.
export const TILE_PROMPT_MAX = 280;

/** One generation in full (`GET /api/generations/{id}`, the pending poll, result cards). */
export interface GenerationView extends GenerationTileView {
  /** The whole prompt. */
  prompt: string;
  /** requestedModel: the alias the caller used, when it used one (`model` is always canonical). */
  params: { n?: number; size?: string; quality?: string; duration?: number; requestedModel?: string };
  mode: "sync" | "async";
  credits: { estimated: number; cost: number | null };
  error: { type: string; message: string } | null;
  /** Made through the /v1 API: the name of the personal token used. Null: made in the studio. */
  apiTokenName?: string | null;
  /** The owner's collections this generation is in. */
  collectionIds: string[];
  startedAt: string | null;
  completedAt: string | null;
}

/** A gallery page. The pending poll swaps full GenerationViews into it (they are tiles too). */
export interface GenerationListView {
  items: GenerationTileView[];
  nextCursor: string | null;
}

/** `GET /api/generations?ids=…` (the pending poll): the asked generations in full, never paged. */
export interface GenerationsByIdView {
  items: GenerationView[];
  nextCursor: null;
}

export interface ModelView {
  id: string;
  category: "image" | "video" | "other";
  capabilities: string[];
  aliases: string[];
}

export const TERMINAL_STATUSES: readonly GenerationStatus[] = ["completed", "failed"];
export function isTerminal(status: GenerationStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** A media file's links. Gallery tiles get the same links from SQL (generation-reads.ts tileJson; tests/routes/gallery-tiles.test.ts holds them equal). */
export function mediaUrls(id: string): Pick<MediaView, "url" | "thumbUrl" | "downloadUrl"> {
  return { url: `/api/media/${id}`, thumbUrl: `/api/media/${id}?variant=thumb`, downloadUrl: `/api/media/${id}?download=1` };
}
