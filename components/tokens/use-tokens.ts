"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useServerText } from "@/components/studio/use-server-text";
import { apiFetch } from "@/lib/api-fetch";
import type { ApiTokenView } from "@/lib/api-tokens/view";
import { queryKeys } from "@/lib/query-keys";

export type CreatedToken = ApiTokenView & { token: string };

export function useTokens(initial: ApiTokenView[]) {
  return useQuery({
    queryKey: queryKeys.tokens.list(),
    queryFn: async () => (await apiFetch<{ tokens: ApiTokenView[] }>("/api/tokens")).tokens,
    initialData: initial,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays: number | null }) =>
      apiFetch<CreatedToken>("/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens.all() }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  const t = useTranslations("tokens.list");
  const { errorText } = useServerText();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens.all() }),
    // About no field: a toast, so the list keeps its place.
    onError: (error) => toast.error(t("revokeFailed"), { description: errorText(error, error.message) }),
  });
}
