"use client";

import { useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useServerText } from "@/components/studio/use-server-text";
import { apiFetch } from "@/lib/api-fetch";
import { AppError, ERROR_TYPES, isErrorEnvelope, type ErrorType } from "@/lib/errors";
import type { GenerationListView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import { patchCachedGenerations } from "../collections/use-collections";
import { listQuery, type GalleryFilters } from "../gallery-filters";
import { scheduleDelete, UNDO_WINDOW_MS } from "../pending-deletes";

const jsonInit = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Once the server confirms, the items leave every loaded gallery view, then the lists refresh. */
function forget(queryClient: QueryClient, ids: readonly string[]) {
  const gone = new Set(ids);
  queryClient.setQueriesData<InfiniteData<GenerationListView>>({ queryKey: queryKeys.generations.infinite() }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((g) => !gone.has(g.id)) })) } : data,
  );
  for (const id of ids) queryClient.removeQueries({ queryKey: queryKeys.generations.detail(id), exact: true });
  void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.collections.all() });
}

/**
 * Saves the zip. The server streams it; the browser keeps it as a Blob (Chromium spills
 * large ones to disk) and hands it to the download manager under the server's file name.
 */
async function downloadZip(ids: readonly string[]): Promise<void> {
  let res: Response;
  try {
    res = await fetch("/api/downloads", jsonInit({ ids }));
  } catch (cause) {
    throw new AppError("service_unavailable", "Can't reach the studio. Check your connection and try again.", { cause });
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => undefined);
    if (isErrorEnvelope(body)) {
      const type = (body.error.type in ERROR_TYPES ? body.error.type : "server_error") as ErrorType;
      throw new AppError(type, body.error.message, { status: res.status });
    }
    throw new AppError("server_error", `The studio answered ${res.status}. Please try again.`, { status: res.status });
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "pixapi.zip";
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  // The download has its own copy once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The gallery's bulk actions on a set of selected ids: zip, favorite, delete with one undo, select all matching. Toasts speak the reader's language. */
export function useBulkActions() {
  const queryClient = useQueryClient();
  const t = useTranslations("bulk.toast");
  const { errorText } = useServerText();
  const [downloading, setDownloading] = useState(false);
  const failed = (what: string, error: unknown) => toast.error(what, { description: errorText(error, t("tryAgain")), duration: 8000 });
  const [favoriting, setFavoriting] = useState(false);

  async function download(ids: readonly string[]) {
    setDownloading(true);
    try {
      await downloadZip(ids);
      toast.success(t("downloaded", { count: ids.length }));
    } catch (error) {
      failed(t("zipFailed"), error);
    } finally {
      setDownloading(false);
    }
  }

  async function favorite(ids: readonly string[]) {
    setFavoriting(true);
    patchCachedGenerations(queryClient, ids, { detail: (g) => ({ ...g, favorite: true }), tile: (g) => ({ ...g, favorite: true }) });
    try {
      await apiFetch<{ updated: number }>("/api/bulk/favorite", jsonInit({ ids, favorite: true }));
      toast.success(t("favorited", { count: ids.length }));
    } catch (error) {
      // The old stars are not known here one by one: the refetch below puts them back.
      failed(t("favoriteFailed"), error);
    } finally {
      setFavoriting(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.generations.all() });
    }
  }

  /** Hides them at once; after the undo window one request deletes them all (or none). */
  function remove(ids: readonly string[]) {
    const toastId = `bulk-delete-${ids.join(",").slice(0, 200)}`;
    const send = () => apiFetch<{ deleted: number }>("/api/bulk/delete", jsonInit({ ids }));
    const undo = scheduleDelete(
      ids,
      () => {
        toast.loading(t("deletingNow", { count: ids.length }), { id: toastId, action: undefined, duration: Infinity });
        return send().then(
          () => {
            forget(queryClient, ids);
            toast.success(t("deleted", { count: ids.length }), { id: toastId, description: undefined, duration: 4000 });
          },
          (error: unknown) => toast.error(t("deleteFailed", { count: ids.length }), { id: toastId, description: errorText(error, t("tryAgain")), duration: 8000 }),
        );
      },
      // The page is going away: a request that survives it, and no answer to wait for.
      () => void fetch("/api/bulk/delete", { ...jsonInit({ ids }), keepalive: true }).catch(() => undefined),
    );
    toast(t("deleting", { count: ids.length }), {
      id: toastId,
      description: t("deletingHint"),
      duration: UNDO_WINDOW_MS,
      action: {
        label: t("undo"),
        onClick: (event) => {
          // Sonner closes a toast after its action unless told not to: this one says what Undo did.
          event.preventDefault();
          if (undo()) toast.success(t("kept", { count: ids.length }), { id: toastId, description: undefined, action: undefined, duration: 3000 });
        },
      },
    });
  }

  /** Every id matching the filters (server-side, not just the loaded pages), up to the bulk cap. */
  async function matching(filters: GalleryFilters): Promise<{ ids: string[]; total: number; limit: number } | null> {
    const params = new URLSearchParams(listQuery(filters, null, 1));
    params.delete("limit");
    try {
      return await apiFetch<{ ids: string[]; total: number; limit: number }>(`/api/bulk/ids?${params.toString()}`);
    } catch (error) {
      failed(t("selectAllFailed"), error);
      return null;
    }
  }

  return { download, downloading, favorite, favoriting, remove, matching };
}
