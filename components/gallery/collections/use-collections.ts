"use client";

import { useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import type { CollectionView } from "@/lib/collections/view";
import type { GenerationListView, GenerationTileView, GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";

const jsonInit = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The user's collections, by name. */
export function useCollections() {
  return useQuery({
    queryKey: queryKeys.collections.all(),
    queryFn: ({ signal }) => apiFetch<{ collections: CollectionView[] }>("/api/collections", { signal }).then((r) => r.collections),
    staleTime: 60_000,
  });
}

/**
 * Applies a change to generations wherever they are cached (gallery pages, detail views),
 * so a star or a collection checkbox answers at once; the lists refetch afterwards, since a
 * filtered view (favorites, one collection) may gain or lose the item. Gallery pages hold
 * tiles, which carry no collections: `tile` is left out for a change only details show.
 */
export function patchCachedGenerations(
  queryClient: QueryClient,
  ids: readonly string[],
  change: { detail: (g: GenerationView) => GenerationView; tile?: (g: GenerationTileView) => GenerationTileView },
): void {
  const set = new Set(ids);
  const { tile } = change;
  if (tile) {
    const apply = (g: GenerationTileView) => (set.has(g.id) ? tile(g) : g);
    queryClient.setQueriesData<InfiniteData<GenerationListView>>({ queryKey: queryKeys.generations.infinite() }, (data) =>
      data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(apply) })) } : data,
    );
  }
  for (const id of ids) queryClient.setQueryData<GenerationView>(queryKeys.generations.detail(id), (g) => (g ? change.detail(g) : g));
}

/** The star, as a change to a tile or a full view alike. */
function starred(favorite: boolean) {
  return <G extends GenerationTileView>(g: G): G => ({ ...g, favorite });
}

function refreshLists(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.collections.all() });
}

/** Stars or unstars one generation, optimistically; a failure puts the old value back. */
export function useFavorite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, favorite }: { id: string; favorite: boolean }) =>
      apiFetch<{ generation: GenerationView }>(`/api/generations/${encodeURIComponent(id)}`, jsonInit("PATCH", { favorite })),
    onMutate: ({ id, favorite }) => patchCachedGenerations(queryClient, [id], { detail: starred(favorite), tile: starred(favorite) }),
    onError: (_error, { id, favorite }) => patchCachedGenerations(queryClient, [id], { detail: starred(!favorite), tile: starred(!favorite) }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() }),
  });
}

export function useCreateCollection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<{ collection: CollectionView }>("/api/collections", jsonInit("POST", { name })).then((r) => r.collection),
    // In the cache before the caller picks it (a filter on a collection not yet listed is dropped).
    onSuccess: (created) => {
      queryClient.setQueryData<CollectionView[]>(queryKeys.collections.all(), (list) => [...(list ?? []), created].sort((a, b) => a.name.localeCompare(b.name)));
      void queryClient.invalidateQueries({ queryKey: queryKeys.collections.all() });
    },
  });
}

export function useRenameCollection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiFetch<{ collection: CollectionView }>(`/api/collections/${encodeURIComponent(id)}`, jsonInit("PATCH", { name })).then((r) => r.collection),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.collections.all() }),
  });
}

export function useDeleteCollection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<undefined>(`/api/collections/${encodeURIComponent(id)}`, { method: "DELETE" }),
    // Every cached generation may have named it: refresh them all, lists and details.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.generations.all() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.collections.all() });
    },
  });
}

/** Adds generations to, or takes them out of, a collection. */
export function useCollectionItems() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ collectionId, ids, op }: { collectionId: string; ids: string[]; op: "add" | "remove" }) =>
      apiFetch<{ collection: CollectionView }>(`/api/collections/${encodeURIComponent(collectionId)}/items`, jsonInit(op === "add" ? "POST" : "DELETE", { ids })),
    onSuccess: (_data, { collectionId, ids, op }) => {
      patchCachedGenerations(queryClient, ids, {
        detail: (g) => ({
          ...g,
          collectionIds: op === "add" ? [...new Set([...g.collectionIds, collectionId])] : g.collectionIds.filter((c) => c !== collectionId),
        }),
      });
      refreshLists(queryClient);
    },
  });
}
