"use client";

import { keepPreviousData, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import type { GenerationListView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import { listQuery, type GalleryFilters } from "./gallery-filters";
import { isPending } from "@/components/studio/generation-format";
import { useWatchPending } from "@/components/studio/pending-poll";

export const PAGE_SIZE = 24;

/** The ids on the loaded pages still queued or running: what the tab's pending poll asks about. */
export function galleryPendingIds(data: InfiniteData<GenerationListView> | undefined): string[] {
  return data?.pages.flatMap((page) => page.items.filter(isPending).map((g) => g.id)) ?? [];
}

/**
 * The user's generations matching `filters`, newest first, a page at a time. The pages
 * themselves are not polled: their pending items are, through the tab's one pending poll
 * (components/studio/pending-poll.ts), which swaps fresh items into these pages. The polls
 * read the studio's database; the server's tracker is what talks to Pixapi, however many
 * tabs are open.
 */
export function useGallery(filters: GalleryFilters) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.generations.infinite({ ...filters }),
    queryFn: ({ pageParam, signal }) => apiFetch<GenerationListView>(`/api/generations?${listQuery(filters, pageParam, PAGE_SIZE)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Changing a filter keeps the old grid on screen (dimmed) until the new one arrives.
    placeholderData: keepPreviousData,
    // Over the read limit (many tabs open): come back when the server says to.
    refetchInterval: (query) => {
      const { error } = query.state;
      return error instanceof AppError && error.type === "rate_limit_error" ? Math.max(1, error.retryAfter ?? 5) * 1000 : false;
    },
  });
  useWatchPending(galleryPendingIds(query.data));
  return query;
}
