"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import clsx from "clsx";
import { CheckCheckIcon, DownloadIcon, FolderPlusIcon, StarIcon, Trash2Icon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CollectionNameDialog } from "../collections/collection-name-dialog";
import { useCollectionItems, useCollections, useCreateCollection } from "../collections/use-collections";
import type { GalleryFilters } from "../gallery-filters";
import { useBulkActions } from "./use-bulk-actions";

const action =
  "inline-flex h-9 shrink-0 items-center justify-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-50 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:hover:text-white";
const menuItem =
  "flex w-full cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm outline-none select-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

/** "Add to collection": a menu of the user's collections, and a new one in place. */
function AddToCollection({ ids, disabled }: { ids: readonly string[]; disabled: boolean }) {
  const t = useTranslations("bulk");
  const collections = useCollections();
  const add = useCollectionItems();
  const create = useCreateCollection();
  const [creating, setCreating] = useState(false);
  const addTo = (collection: { id: string; name: string }, after?: () => void) =>
    add.mutate(
      { collectionId: collection.id, ids: [...ids], op: "add" },
      {
        onSuccess: () => toast.success(t("toast.addedTo", { count: ids.length, name: collection.name })),
        onError: () => toast.error(t("toast.addFailed", { name: collection.name })),
        onSettled: after,
      },
    );
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className={action} disabled={disabled || add.isPending} aria-label={t("addToCollection")}>
          <FolderPlusIcon size={16} aria-hidden />
          <span className="hidden md:inline">{t("addToCollection")}</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            side="top"
            align="center"
            sideOffset={8}
            aria-label={t("collections")}
            className="z-40 max-h-72 w-60 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1.5 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
          >
            {(collections.data ?? []).map((c) => (
              <DropdownMenu.Item key={c.id} className={menuItem} onSelect={() => addTo(c)}>
                <span className="min-w-0 flex-1 truncate">{c.name}</span>
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{c.itemCount}</span>
              </DropdownMenu.Item>
            ))}
            {collections.data?.length ? <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" /> : null}
            <DropdownMenu.Item className={menuItem} onSelect={() => setCreating(true)}>
              <FolderPlusIcon size={15} aria-hidden className="text-zinc-500" />
              {t("newCollection")}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {creating ? (
        <CollectionNameDialog
          title={t("newCollectionTitle")}
          submitLabel={t("createAndAdd", { count: ids.length })}
          pending={create.isPending || add.isPending}
          error={create.error}
          onCancel={() => {
            create.reset();
            setCreating(false);
          }}
          onSubmit={(name) => create.mutate(name, { onSuccess: (c) => addTo(c, () => setCreating(false)) })}
        />
      ) : null}
    </>
  );
}

/**
 * What can be done with the selected items, in a bar fixed along the bottom of the screen while
 * anything is selected: select all matching the filters (server-side, up to the bulk cap),
 * download as one zip, add to a collection, favorite, delete (one confirmation, one undo).
 * Esc clears the selection when no dialog or menu is open.
 */
export function BulkBar({
  ids,
  filters,
  onSelectAll,
  onClear,
  onDeleting,
  focusAfterDelete,
}: {
  ids: readonly string[];
  filters: GalleryFilters;
  onSelectAll: (ids: string[]) => void;
  onClear: () => void;
  /** Told before the items go, so the page can pick the tile to focus after them. */
  onDeleting?: (ids: readonly string[]) => void;
  /** Where focus goes once the confirmation (and this bar, with the selection) is gone. */
  focusAfterDelete?: () => HTMLElement | null;
}) {
  const t = useTranslations("bulk");
  const bulk = useBulkActions();
  const [confirming, setConfirming] = useState(false);
  const [selectingAll, setSelectingAll] = useState(false);
  const [capped, setCapped] = useState<{ shown: number; total: number } | null>(null);
  const count = ids.length;

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented || document.querySelector("dialog[open], [role=menu]")) return;
    onClear();
  });
  useEffect(() => {
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      {/* Room below the grid, so the bar never hides the last row. */}
      <div aria-hidden className="h-20" />
      <div className="pointer-events-none fixed inset-x-0 bottom-3 z-30 flex justify-center px-2 sm:bottom-5">
        <div
          role="toolbar"
          aria-label={t("toolbar")}
          className="pointer-events-auto flex max-w-full items-center gap-0.5 overflow-x-auto rounded-xl border border-zinc-200 bg-white/95 p-1.5 shadow-lg backdrop-blur sm:gap-1 dark:border-zinc-700 dark:bg-zinc-900/95"
        >
          <button type="button" onClick={onClear} className={action} aria-label={t("clear")} title={t("clearTitle")}>
            <XIcon size={16} aria-hidden />
          </button>
          <p className="shrink-0 px-1.5 text-sm font-medium whitespace-nowrap tabular-nums" aria-live="polite">
            {t("count", { count })}
            {capped ? <span className="ml-1 font-normal text-zinc-500 dark:text-zinc-400">{t("capped", capped)}</span> : null}
          </p>
          <span aria-hidden className="mx-1 h-6 w-px shrink-0 bg-zinc-200 dark:bg-zinc-700" />
          <button
            type="button"
            className={action}
            disabled={selectingAll}
            aria-label={t("selectAll")}
            title={t("selectAllTitle")}
            onClick={async () => {
              setSelectingAll(true);
              const found = await bulk.matching(filters);
              setSelectingAll(false);
              if (!found) return;
              onSelectAll(found.ids);
              setCapped(found.total > found.ids.length ? { shown: found.ids.length, total: found.total } : null);
            }}
          >
            <CheckCheckIcon size={16} aria-hidden />
            <span className="hidden md:inline">{t("selectAllShort")}</span>
          </button>
          <button type="button" className={action} disabled={bulk.downloading} aria-busy={bulk.downloading} onClick={() => void bulk.download(ids)} aria-label={t("download")}>
            <DownloadIcon size={16} aria-hidden className={clsx(bulk.downloading && "animate-pulse")} />
            <span className="hidden md:inline">{bulk.downloading ? t("zipping") : t("downloadShort")}</span>
          </button>
          <AddToCollection ids={ids} disabled={count === 0} />
          <button type="button" className={action} disabled={bulk.favoriting} onClick={() => void bulk.favorite(ids)} aria-label={t("favorite")}>
            <StarIcon size={16} aria-hidden />
            <span className="hidden md:inline">{t("favorite")}</span>
          </button>
          <button
            type="button"
            className={clsx(action, "text-red-700 hover:bg-red-50 hover:text-red-800 dark:text-red-400 dark:hover:bg-red-950/40 dark:hover:text-red-300")}
            onClick={() => setConfirming(true)}
            aria-label={t("delete")}
          >
            <Trash2Icon size={16} aria-hidden />
            <span className="hidden md:inline">{t("delete")}</span>
          </button>
        </div>
      </div>
      {/* Outside the wrapper: pointer-events none is inherited, even by a dialog in the top layer. */}
      <ConfirmDialog
          open={confirming}
          title={t("confirmTitle", { count })}
          confirmLabel={t("confirmLabel", { count })}
          onCancel={() => setConfirming(false)}
          returnFocus={focusAfterDelete}
          onConfirm={() => {
            setConfirming(false);
            onDeleting?.(ids);
            bulk.remove(ids);
            onClear();
          }}
        >
          {t("confirmBody")}
        </ConfirmDialog>
    </>
  );
}
