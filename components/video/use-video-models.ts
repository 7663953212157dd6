"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import type { ModelView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

/** Cheapest per second and quick: a sensible first choice for trying an idea. */
const PREFERRED_DEFAULT = "wan";

/** The upstream's video models (shares the model list's cache with the image forms), and the one to preselect. */
export function useVideoModels() {
  const query = useQuery({
    queryKey: queryKeys.models(),
    queryFn: ({ signal }) => apiFetch<{ models: ModelView[] }>("/api/models", { signal }).then((r) => r.models),
    staleTime: 5 * 60_000,
  });
  const models = (query.data ?? []).filter((m) => m.category === "video");
  const defaultId = models.find((m) => m.id === PREFERRED_DEFAULT)?.id ?? models[0]?.id ?? "";
  return { ...query, models, defaultId };
}
