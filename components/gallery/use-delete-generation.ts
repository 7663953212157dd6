"use client";

import { useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { toErrorLike, useDescribeError } from "@/components/studio/error-message";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import type { GenerationListView, GenerationTileView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import { scheduleDelete, UNDO_WINDOW_MS } from "./pending-deletes";

function without(data: InfiniteData<GenerationListView> | undefined, id: string): InfiniteData<GenerationListView> | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((g) => g.id !== id) })) };
}

const deleteUrl = (id: string) => `/api/generations/${encodeURIComponent(id)}`;

/** Sends the delete. A 404 means it was already gone: same outcome. */
async function sendDelete(id: string): Promise<void> {
  try {
    await apiFetch<undefined>(deleteUrl(id), { method: "DELETE" });
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
  }
}

/** Once the server confirms, the item leaves every loaded gallery view, then the lists refresh. */
function forget(queryClient: QueryClient, id: string) {
  queryClient.setQueriesData<InfiniteData<GenerationListView>>({ queryKey: queryKeys.generations.infinite() }, (data) => without(data, id));
  queryClient.removeQueries({ queryKey: queryKeys.generations.detail(id), exact: true });
  void queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() });
}

/** The prompt, cut short for a toast (the catalog's message puts the quotation marks around it). */
const short = (g: Pick<GenerationTileView, "prompt">) => (g.prompt.length > 60 ? `${g.prompt.slice(0, 60)}…` : g.prompt);

/**
 * Deletes a generation and its files, with an undo: the item disappears at once and a toast
 * offers Undo for a few seconds; only then is the request sent (pending-deletes). The toast
 * then says it is done, or why it failed (and the item comes back).
 */
export function useDeleteGeneration() {
  const queryClient = useQueryClient();
  const describeError = useDescribeError();
  const t = useTranslations("detail.toast");
  const tStudio = useTranslations("studio");
  return (g: GenerationTileView) => {
    const toastId = `delete-${g.id}`;
    const prompt = short(g);
    // useGenerationText's thingName, for a tile (the list's view of an item).
    const thing = g.kind === "video" ? tStudio("thing.video") : g.outputs.length > 1 ? tStudio("thing.images", { count: g.outputs.length }) : tStudio("thing.image");
    const undo = scheduleDelete(
      g.id,
      () => {
        toast.loading(t("deletingNow", { prompt }), { id: toastId, action: undefined, duration: Infinity });
        return sendDelete(g.id).then(
          () => {
            forget(queryClient, g.id);
            toast.success(t("deleted", { prompt }), { id: toastId, duration: 4000 });
          },
          (error: unknown) => {
            const { title, body } = describeError(toErrorLike(error));
            toast.error(t("deleteFailed", { thing, reason: title }), { id: toastId, description: body, duration: 8000 });
          },
        );
      },
      // The page is going away: a request that survives it, and no answer to wait for.
      () => void fetch(deleteUrl(g.id), { method: "DELETE", keepalive: true }).catch(() => undefined),
    );
    toast(t("deleting", { prompt }), {
      id: toastId,
      description: t("deletingHint"),
      duration: UNDO_WINDOW_MS,
      action: {
        label: t("undo"),
        onClick: (event) => {
          // Sonner closes a toast after its action unless told not to: this one says what Undo did.
          event.preventDefault();
          if (undo()) toast.success(t("kept", { prompt }), { id: toastId, description: undefined, action: undefined, duration: 3000 });
        },
      },
    });
  };
}
