"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { ShareView } from "@/lib/shares/view";

/** The user's shared generations (the one source for "is this shared, and where"). */
export function useShares() {
  return useQuery({
    queryKey: queryKeys.shares.all(),
    queryFn: ({ signal }) => apiFetch<{ shares: ShareView[] }>("/api/shares", { signal }).then((r) => r.shares),
  });
}

/** Turns a generation's public link on (or changes whether its prompt shows) or off. */
export function useSetShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, on, hidePrompt = false }: { id: string; on: boolean; hidePrompt?: boolean }) => {
      const path = `/api/generations/${encodeURIComponent(id)}/share`;
      if (!on) return apiFetch<undefined>(path, { method: "DELETE" });
      return apiFetch<{ url: string }>(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hidePrompt }) });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.shares.all() }),
  });
}
