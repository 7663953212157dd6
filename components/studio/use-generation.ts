"use client";

import { queryOptions, useQueries, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import { isTerminal, type GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

const POLL_MS = 1000;
const POLL_AFTER_ERROR_MS = 5000;
const FINISHED_STALE_MS = 5 * 60_000;

/**
 * One generation, polled every second until it completes or fails. The server answers
 * from its own database, so polling is cheap; the upstream is tracked server-side. Every
 * reader of a generation (result cards, the detail view, the task watcher) shares this
 * one query per id, so however many of them are on screen, a generation is polled once.
 */
export function generationQuery(id: string, queryClient: QueryClient) {
  return queryOptions({
    queryKey: queryKeys.generations.detail(id),
    enabled: Boolean(id),
    queryFn: async ({ signal }) => {
      const { generation } = await apiFetch<{ generation: GenerationView }>(`/api/generations/${encodeURIComponent(id)}`, { signal });
      const previous = queryClient.getQueryData<GenerationView>(queryKeys.generations.detail(generation.id));
      // Finishing changes what the gallery shows and settles (or releases) the credits.
      if (isTerminal(generation.status) && previous && !isTerminal(previous.status)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() });
        void queryClient.invalidateQueries({ queryKey: queryKeys.usage.all() });
      }
      return generation;
    },
    // A finished generation only changes if it is deleted: don't refetch it on every focus.
    staleTime: (query) => (query.state.data && isTerminal(query.state.data.status) ? FINISHED_STALE_MS : 0),
    refetchInterval: (query) => {
      const { data: generation, error } = query.state;
      // Over the read limit: resume when the server says to.
      if (error instanceof AppError && error.type === "rate_limit_error") return Math.max(1, error.retryAfter ?? 5) * 1000;
      // Any other 4xx (deleted, not ours) will not change; a network blip or 5xx might.
      if (error instanceof AppError && error.status < 500) return false;
      if (generation && isTerminal(generation.status)) return false;
      return error ? POLL_AFTER_ERROR_MS : POLL_MS;
    },
  });
}

export function useGeneration(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery(generationQuery(id ?? "", queryClient));
}

/** Several generations at once, each through the same shared query as useGeneration. */
export function useGenerations(ids: readonly string[]) {
  const queryClient = useQueryClient();
  return useQueries({ queries: ids.map((id) => generationQuery(id, queryClient)) });
}
