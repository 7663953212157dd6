"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import type { ModelView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

export type ImageCapability = "text-to-image" | "image-to-image";

/** Preferred default: the cheapest, fastest model, when the upstream lists it. */
const PREFERRED_DEFAULT = "gemini-2.5-flash-image";

/** The upstream's image models that can do `capability`, and the one to preselect. */
export function useImageModels(capability: ImageCapability) {
  const query = useQuery({
    queryKey: queryKeys.models(),
    queryFn: ({ signal }) => apiFetch<{ models: ModelView[] }>("/api/models", { signal }).then((r) => r.models),
    staleTime: 5 * 60_000,
  });
  const models = (query.data ?? []).filter((m) => m.category === "image" && m.capabilities.includes(capability));
  const defaultId = models.find((m) => m.id === PREFERRED_DEFAULT)?.id ?? models[0]?.id ?? "";
  return { ...query, models, defaultId };
}

/** The listed model a requested id or alias names (remixes may carry an alias). */
export function findModel(models: ModelView[], requested: string): ModelView | undefined {
  return models.find((m) => m.id === requested || m.aliases.includes(requested));
}
