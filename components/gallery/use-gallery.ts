"use client";

import { keepPreviousData, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import type { GenerationListView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import { listQuery, type GalleryFilters } from "./gallery-filters";
import { isPending } from "@/components/studio/generation-format";

export const PAGE_SIZE = 24;
/** While something is generating, a visible gallery refreshes this often… */
export const POLL_VISIBLE_MS = 1500;
/** …and a tab in the background much less: nobody is watching its progress bars. */
export const POLL_HIDDEN_MS = 10_000;

/**
 * How soon the gallery should look again: only while an item on the loaded pages is still
 * queued or running, so a gallery of finished work makes no requests at all. The polls read
 * the studio's database; the server's tracker is what talks to Pixapi, however many tabs
 * are open.
 */
export function galleryPollInterval(data: InfiniteData<GenerationListView> | undefined, visibility: DocumentVisibilityState): number | false {
  const pending = data?.pages.some((page) => page.items.some(isPending)) ?? false;
  if (!pending) return false;
  return visibility === "hidden" ? POLL_HIDDEN_MS : POLL_VISIBLE_MS;
}

/** The user's generations matching `filters`, newest first, a page at a time. */
export function useGallery(filters: GalleryFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.generations.infinite({ ...filters }),
    queryFn: ({ pageParam, signal }) => apiFetch<GenerationListView>(`/api/generations?${listQuery(filters, pageParam, PAGE_SIZE)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Changing a filter keeps the old grid on screen (dimmed) until the new one arrives.
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const { error } = query.state;
      // Over the read limit (many tabs open): come back when the server says to.
      if (error instanceof AppError && error.type === "rate_limit_error") return Math.max(1, error.retryAfter ?? 5) * 1000;
      // Any other 4xx (bad filter, signed out) will not fix itself by asking again.
      if (error instanceof AppError && error.status < 500) return false;
      return galleryPollInterval(query.state.data, typeof document === "undefined" ? "visible" : document.visibilityState);
    },
    // Hidden tabs still poll, slowly (above), so a finished item is there on return…
    refetchIntervalInBackground: true,
    // …and coming back to the tab looks at once, which also puts the fast interval back.
    refetchOnWindowFocus: (query) => (galleryPollInterval(query.state.data, "visible") === false ? true : "always"),
  });
}
