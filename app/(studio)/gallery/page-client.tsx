"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { BulkBar } from "@/components/gallery/bulk/bulk-bar";
import { useGallerySelection } from "@/components/gallery/bulk/use-selection";
import { CollectionsBar } from "@/components/gallery/collections/collections-bar";
import { EmptyGallery, NoResults } from "@/components/gallery/gallery-empty";
import { GalleryGrid, GallerySkeleton } from "@/components/gallery/gallery-grid";
import { hasFilters } from "@/components/gallery/gallery-filters";
import { GalleryToolbar } from "@/components/gallery/gallery-toolbar";
import { galleryFocusTarget, isTile, neighbourOf } from "@/components/gallery/focus-after-delete";
import { GenerationDetail } from "@/components/gallery/generation-detail";
import { usePendingDeletes } from "@/components/gallery/pending-deletes";
import { useGallery } from "@/components/gallery/use-gallery";
import { useGalleryUrl } from "@/components/gallery/use-gallery-url";
import { ErrorMessage, toErrorLike } from "@/components/studio/error-message";
import { useModels } from "@/components/studio/use-models";
import { Button } from "@/components/ui/button";
import { ViewerScope } from "@/components/studio/viewer/viewer-scope";

export function GalleryPageClient() {
  const t = useTranslations("gallery.page");
  const url = useGalleryUrl();
  const gallery = useGallery(url.filters);
  const models = useModels();
  const deleting = usePendingDeletes();
  const lastShown = useRef<string | null>(null);
  useEffect(() => {
    if (url.openId) lastShown.current = url.openId;
  }, [url.openId]);
  // Set when items are deleted, until the dialog that deleted them closes: the neighbour to
  // focus then (null: none is left), so focus is not lost with the deleted tile.
  const afterDelete = useRef<{ id: string | null } | null>(null);
  const focusAfterDelete = useCallback(() => {
    const next = afterDelete.current;
    afterDelete.current = null;
    return next ? galleryFocusTarget(next.id) : null;
  }, []);
  // The detail view closed before the grid behind it had loaded (opened from a link on
  // arrival, a slow first page): focus waits on the page, and goes to the tile when it shows.
  const focusWhenShown = useRef<string | null>(null);
  const returnFocus = useCallback(() => {
    const id = lastShown.current;
    const target = galleryFocusTarget(id);
    focusWhenShown.current = id && !isTile(target) ? id : null;
    return target;
  }, []);

  // A delete waiting out its undo window is hidden already (the toast says so and offers Undo).
  const pages = gallery.data?.pages;
  const items = useMemo(() => (pages?.flatMap((page) => page.items) ?? []).filter((g) => !deleting.has(g.id)), [pages, deleting]);
  const viewable = useCallback(() => items, [items]);
  const order = useMemo(() => items.map((g) => g.id), [items]);
  const selection = useGallerySelection(JSON.stringify(url.filters), order, deleting);
  const selectedIds = useMemo(() => [...selection.ids], [selection.ids]);
  const rememberNeighbour = (deleted: readonly string[]) => {
    afterDelete.current = { id: neighbourOf(order, new Set(deleted)) };
  };
  const filtered = hasFilters(url.filters);
  // Only real answers decide the empty states; a placeholder is the previous filter's grid.
  const settledEmpty = gallery.isSuccess && !gallery.isPlaceholderData && items.length === 0;
  const brandNew = settledEmpty && !filtered;
  const nextPageFailed = gallery.isFetchNextPageError;
  useEffect(() => {
    const id = focusWhenShown.current;
    if (!id || gallery.isPending) return;
    focusWhenShown.current = null;
    const tile = galleryFocusTarget(id);
    // Only if focus is still where the close left it: the person may have moved on since.
    if (isTile(tile) && (document.activeElement === document.body || document.activeElement?.id === "main")) tile.focus();
  }, [items, gallery.isPending]);
  // Stepping through the detail view follows the grid's order; the last loaded item's "next"
  // loads another page first, so it never dead-ends while the gallery has more.
  const openIndex = url.openId ? items.findIndex((g) => g.id === url.openId) : -1;
  const previous = openIndex > 0 ? items[openIndex - 1] : undefined;
  const next = openIndex >= 0 ? items[openIndex + 1] : undefined;

  return (
    <ViewerScope generations={viewable}>
      {brandNew ? null : <GalleryToolbar filters={url.filters} onChange={url.setFilters} onClear={url.clearFilters} models={models.models} />}
      {brandNew ? null : <CollectionsBar selection={url.filters} onChange={url.setFilters} />}

      {gallery.isPending ? (
        <div role="status" aria-label={t("loading")}>
          <GallerySkeleton />
        </div>
      ) : gallery.isError && items.length === 0 ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorMessage error={toErrorLike(gallery.error)} />
          <Button variant="secondary" onClick={() => void gallery.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : settledEmpty ? (
        filtered ? (
          <NoResults query={url.filters.q} onClear={url.clearFilters} />
        ) : (
          <EmptyGallery />
        )
      ) : (
        <GalleryGrid
          items={items}
          onOpen={url.open}
          hasNextPage={gallery.hasNextPage}
          isFetchingNextPage={gallery.isFetchingNextPage}
          fetchNextPage={() => void gallery.fetchNextPage()}
          nextPageFailed={nextPageFailed}
          dimmed={gallery.isPlaceholderData}
          selected={selection.ids}
          onSelect={selection.select}
        />
      )}
      {selectedIds.length > 0 ? <BulkBar ids={selectedIds} filters={url.filters} onSelectAll={selection.selectAll} onClear={selection.clear} onDeleting={rememberNeighbour} focusAfterDelete={focusAfterDelete} /> : null}

      {url.openId ? (
        <GenerationDetail
          id={url.openId}
          initial={items.find((g) => g.id === url.openId)}
          onClose={url.close}
          onPrevious={previous ? () => url.show(previous.id) : undefined}
          onNext={next ? () => url.show(next.id) : openIndex >= 0 && gallery.hasNextPage ? () => void gallery.fetchNextPage() : undefined}
          // Opened from a link (nothing had focus) or the opener is gone: the tile last shown.
          returnFocus={returnFocus}
          focusOnClose={focusAfterDelete}
          onDeleted={(g) => {
            rememberNeighbour([g.id]);
            url.close();
          }}
        />
      ) : null}
    </ViewerScope>
  );
}
