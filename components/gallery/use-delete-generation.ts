"use client";

import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import type { GenerationListView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

function without(data: InfiniteData<GenerationListView> | undefined, id: string): InfiniteData<GenerationListView> | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((g) => g.id !== id) })) };
}

/**
 * Deletes a generation and its files. Once the server confirms, the item leaves every
 * loaded gallery view at once (no refetch needed to see it go), then the lists refresh so
 * pages and cursors line up again. A 404 means it was already gone: same outcome.
 */
export function useDeleteGeneration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      try {
        await apiFetch<undefined>(`/api/generations/${encodeURIComponent(id)}`, { method: "DELETE" });
      } catch (error) {
        if (!(error instanceof AppError && error.status === 404)) throw error;
      }
    },
    onSuccess: (_data, id) => {
      queryClient.setQueriesData<InfiniteData<GenerationListView>>({ queryKey: queryKeys.generations.infinite() }, (data) => without(data, id));
      queryClient.removeQueries({ queryKey: queryKeys.generations.detail(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() });
    },
  });
}
