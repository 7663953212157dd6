import type { GenerationKind, GenerationStatus } from "@/lib/generations/view";

/**
 * The gallery's filters, as they live in the URL (?kind=&model=&status=&q=), so a reload,
 * a bookmark or a shared link shows the same view. Unknown values are dropped rather than
 * sent on, so a hand-edited URL can't make the list request fail.
 */
export interface GalleryFilters {
  kind?: GenerationKind;
  status?: GenerationStatus;
  model?: string;
  q?: string;
  /** Starred items only (?favorite=1). */
  favorite?: boolean;
  /** One of the user's collections (?collection=<id>). */
  collection?: string;
}

/** The type and status choices, in the toolbar's order (their words are in the catalogs: gallery.toolbar). */
export const KIND_OPTIONS = [{ value: "" }, { value: "image" }, { value: "edit" }, { value: "video" }] as const;

export const STATUS_OPTIONS = [{ value: "" }, { value: "completed" }, { value: "running" }, { value: "queued" }, { value: "failed" }] as const;

const KINDS: readonly string[] = ["image", "edit", "video"];
const STATUSES: readonly string[] = ["queued", "running", "completed", "failed"];
export const SEARCH_MAX = 200;

type Readable = { get(name: string): string | null };

export function filtersFrom(params: Readable): GalleryFilters {
  const kind = params.get("kind") ?? "";
  const status = params.get("status") ?? "";
  const model = (params.get("model") ?? "").trim().slice(0, 100);
  const q = (params.get("q") ?? "").trim().slice(0, SEARCH_MAX);
  const collection = params.get("collection") ?? "";
  return {
    ...(params.get("favorite") === "1" ? { favorite: true } : {}),
    ...(/^[A-Za-z0-9]{1,64}$/.test(collection) ? { collection } : {}),
    ...(KINDS.includes(kind) ? { kind: kind as GenerationKind } : {}),
    ...(STATUSES.includes(status) ? { status: status as GenerationStatus } : {}),
    ...(model ? { model } : {}),
    ...(q ? { q } : {}),
  };
}

export function hasFilters(f: GalleryFilters): boolean {
  return Boolean(f.kind || f.status || f.model || f.q || f.favorite || f.collection);
}

/** The list API's query string for one page of these filters. */
export function listQuery(f: GalleryFilters, cursor: string | null, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const key of ["kind", "status", "model", "q", "collection"] as const) {
    const value = f[key];
    if (value) params.set(key, value);
  }
  if (f.favorite) params.set("favorite", "1");
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/**
 * The current URL with some parameters changed (empty values removed), keeping anything
 * else that is there. Returns a relative href ("?kind=video" or the bare path).
 */
export function withParams(search: string, pathname: string, changes: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
