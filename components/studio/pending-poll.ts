"use client";

import { useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import { isTerminal, type GenerationListView, type GenerationsByIdView, type GenerationTileView, type GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

/** How often the pending poll asks while the tab is visible, and while it is hidden. */
export const POLL_VISIBLE_MS = 1000;
export const POLL_HIDDEN_MS = 10_000;
/** The server answers at most this many ids per request (lib/generations/by-ids.ts). */
const IDS_PER_REQUEST = 50;

/**
 * The one poll of a tab: whatever is on screen and still queued or running (result cards,
 * the gallery's tiles, the detail view, the video watcher) registers its id here, and one
 * query (`queryKeys.generations.pending()`) asks `GET /api/generations?ids=…` for exactly
 * those, then writes each answer where the screen reads it: the per-generation cache and
 * the gallery's loaded pages. Nothing else polls, so a tab costs one small request a
 * second while something is pending, and none when nothing is.
 */
const watched = new Map<string, number>();
const listeners = new Set<() => void>();
const NONE: readonly string[] = [];
let snapshot: readonly string[] = NONE;

function changed(): void {
  snapshot = watched.size ? [...watched.keys()].sort() : NONE;
  for (const listener of listeners) listener();
}

/** Registers ids (counted: two screens may wait on the same one); returns the release. */
export function watchIds(ids: readonly string[]): () => void {
  for (const id of ids) watched.set(id, (watched.get(id) ?? 0) + 1);
  changed();
  return () => {
    for (const id of ids) {
      const n = (watched.get(id) ?? 1) - 1;
      if (n > 0) watched.set(id, n);
      else watched.delete(id);
    }
    changed();
  };
}

export function watchedIds(): readonly string[] {
  return snapshot;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** While mounted, keeps these (pending) ids in the tab's one poll. */
export function useWatchPending(ids: readonly string[]): void {
  const key = [...new Set(ids)].sort().join(",");
  useEffect(() => (key ? watchIds(key.split(",")) : undefined), [key]);
}

/** Next poll: none after a refusal that asking again won't fix; the server's wait after a 429. */
export function pendingPollInterval(error: unknown, visibility: DocumentVisibilityState): number | false {
  if (error instanceof AppError && error.type === "rate_limit_error") return Math.max(1, error.retryAfter ?? 5) * 1000;
  if (error instanceof AppError && error.status < 500) return false;
  return visibility === "hidden" ? POLL_HIDDEN_MS : POLL_VISIBLE_MS;
}

function patchPage(page: GenerationListView, fresh: ReadonlyMap<string, GenerationTileView>): GenerationListView {
  let touched = false;
  const items = page.items.map((g) => {
    const next = fresh.get(g.id);
    if (!next || next === g) return g;
    touched = true;
    return next;
  });
  return touched ? { ...page, items } : page;
}

/** A list cache entry (one page, or the gallery's pages) with the fresh generations swapped in. */
export function patchListData(data: unknown, fresh: ReadonlyMap<string, GenerationTileView>): unknown {
  if (!data || typeof data !== "object") return data;
  if ("pages" in data) {
    const infinite = data as InfiniteData<GenerationListView>;
    const pages = infinite.pages.map((p) => patchPage(p, fresh));
    return pages.every((p, i) => p === infinite.pages[i]) ? data : { ...infinite, pages };
  }
  if ("items" in data) return patchPage(data as GenerationListView, fresh);
  return data;
}

async function pollOnce(queryClient: QueryClient, ids: readonly string[], signal: AbortSignal): Promise<GenerationView[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) chunks.push(ids.slice(i, i + IDS_PER_REQUEST));
  const answers = await Promise.all(chunks.map((c) => apiFetch<GenerationsByIdView>(`/api/generations?ids=${c.map(encodeURIComponent).join(",")}`, { signal })));
  const items = answers.flatMap((a) => a.items);
  const fresh = new Map(items.map((g) => [g.id, g]));
  for (const g of items) queryClient.setQueryData(queryKeys.generations.detail(g.id), g);
  queryClient.setQueriesData({ queryKey: queryKeys.generations.lists() }, (data: unknown) => patchListData(data, fresh));
  if (items.some((g) => isTerminal(g.status))) {
    // Credits settled; a filtered gallery (e.g. "running") may no longer hold the item:
    // marked stale, refetched when next shown, not now.
    void queryClient.invalidateQueries({ queryKey: queryKeys.usage.all() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists(), refetchType: "none" });
  }
  // Deleted meanwhile (or never ours): let the screens that show it find out.
  const gone = ids.filter((id) => !fresh.has(id));
  for (const id of gone) void queryClient.invalidateQueries({ queryKey: queryKeys.generations.detail(id) });
  if (gone.length) void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() });
  return items;
}

/** Runs the tab's one pending poll; mounted once, in the app shell. */
export function PendingPoll(): null {
  const queryClient = useQueryClient();
  const ids = useSyncExternalStore(subscribe, watchedIds, () => NONE);
  useQuery({
    queryKey: queryKeys.generations.pending(),
    enabled: ids.length > 0,
    // Reads the ids at fetch time: one registered a moment ago is in the next request.
    queryFn: ({ signal }) => pollOnce(queryClient, watchedIds(), signal),
    staleTime: 0,
    refetchInterval: (query) => pendingPollInterval(query.state.error, typeof document === "undefined" ? "visible" : document.visibilityState),
    // Hidden tabs keep polling, slowly, so a finished item is there on return.
    refetchIntervalInBackground: true,
  });
  return null;
}
