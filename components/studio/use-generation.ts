"use client";

import { queryOptions, useQueries, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import { isTerminal, type GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import { useWatchPending } from "./pending-poll";

const POLL_AFTER_ERROR_MS = 5000;
const FINISHED_STALE_MS = 5 * 60_000;

/**
 * One generation. It is read once here; while it is pending, the tab's one pending poll
 * (./pending-poll.ts) keeps this same cache entry fresh, so however many readers of a
 * generation are on screen (result cards, the detail view, the task watcher) and however
 * many generations are pending, the tab asks the server one small question a second.
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
    // Only a failed first read is retried from here; progress comes from the pending poll.
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (error instanceof AppError && error.type === "rate_limit_error") return Math.max(1, error.retryAfter ?? 5) * 1000;
      return error && !data && !(error instanceof AppError && error.status < 500) ? POLL_AFTER_ERROR_MS : false;
    },
  });
}

/** The id to keep in the pending poll: loaded, not finished, and not refused (deleted, not ours). */
function pendingId(query: { data?: GenerationView; error: unknown }): string[] {
  if (!query.data || isTerminal(query.data.status)) return [];
  if (query.error instanceof AppError && query.error.status < 500 && query.error.type !== "rate_limit_error") return [];
  return [query.data.id];
}

export function useGeneration(id: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery(generationQuery(id ?? "", queryClient));
  useWatchPending(pendingId(query));
  return query;
}

/** Several generations at once, each through the same shared query as useGeneration. */
export function useGenerations(ids: readonly string[]) {
  const queryClient = useQueryClient();
  const queries = useQueries({ queries: ids.map((id) => generationQuery(id, queryClient)) });
  useWatchPending(queries.flatMap(pendingId));
  return queries;
}
