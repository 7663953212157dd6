"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import { isTerminal, type GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

const POLL_MS = 1000;
const POLL_AFTER_ERROR_MS = 5000;

/**
 * One generation, polled every second until it completes or fails. The server answers
 * from its own database, so polling is cheap; the upstream is tracked server-side.
 */
export function useGeneration(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.generations.detail(id ?? ""),
    enabled: Boolean(id),
    queryFn: async ({ signal }) => {
      const { generation } = await apiFetch<{ generation: GenerationView }>(`/api/generations/${encodeURIComponent(id ?? "")}`, { signal });
      const previous = queryClient.getQueryData<GenerationView>(queryKeys.generations.detail(generation.id));
      // Finishing changes what the gallery and usage lists show.
      if (isTerminal(generation.status) && previous && !isTerminal(previous.status)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() });
      }
      return generation;
    },
    refetchInterval: (query) => {
      const { data: generation, error } = query.state;
      // A 4xx (deleted, not ours) will not change; a network blip or 5xx might.
      if (error instanceof AppError && error.status < 500) return false;
      if (generation && isTerminal(generation.status)) return false;
      return error ? POLL_AFTER_ERROR_MS : POLL_MS;
    },
  });
}
