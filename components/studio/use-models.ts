"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import type { ModelView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

export type ModelCapability = "text-to-image" | "image-to-image" | "text-to-video";

/** What to preselect when the upstream lists it: the cheapest, quickest model of each kind. */
const PREFERRED_DEFAULT: Record<ModelCapability, string> = {
  "text-to-image": "gemini-2.5-flash-image",
  "image-to-image": "gemini-2.5-flash-image",
  "text-to-video": "wan",
};

/**
 * The upstream's models that can do `capability` (every model without one), and the one to
 * preselect. One cached list serves every form and the gallery's filter.
 */
export function useModels(capability?: ModelCapability) {
  const query = useQuery({
    queryKey: queryKeys.models(),
    queryFn: ({ signal }) => apiFetch<{ models: ModelView[] }>("/api/models", { signal }).then((r) => r.models),
    staleTime: 5 * 60_000,
  });
  const all = query.data ?? [];
  const models = capability ? all.filter((m) => m.capabilities.includes(capability)) : all;
  const preferred = capability ? PREFERRED_DEFAULT[capability] : undefined;
  const defaultId = models.find((m) => m.id === preferred)?.id ?? models[0]?.id ?? "";
  return { ...query, models, defaultId };
}

/** The listed model a requested id or alias names (remixes may carry an alias). */
export function findModel(models: ModelView[], requested: string): ModelView | undefined {
  return models.find((m) => m.id === requested || m.aliases.includes(requested));
}
