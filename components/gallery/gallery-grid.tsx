"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { GenerationTileView } from "@/lib/generations/view";
import { GalleryTile, type SelectMode } from "./gallery-tile";

/** Row height per breakpoint: two or three tiles a row on phones, four to six on desktops. */
const ROWS = "[--row-h:7.5rem] sm:[--row-h:11rem] lg:[--row-h:13rem]";

/**
 * The justified grid plus what comes after it: a sentinel that loads the next page before
 * the person reaches the end, and a real "Load more" button for keyboards, screen readers,
 * and anyone whose browser has no IntersectionObserver.
 */
export function GalleryGrid({
  items,
  onOpen,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  nextPageFailed,
  dimmed,
  selected,
  onSelect,
}: {
  items: GenerationTileView[];
  onOpen: (id: string) => void;
  /** The selected ids (bulk actions). */
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, mode: SelectMode) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  nextPageFailed: boolean;
  /** True while showing the previous filter's results as a placeholder. */
  dimmed: boolean;
}) {
  const t = useTranslations("gallery.grid");
  const sentinel = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Roving tabindex: one tile is in the Tab order (the last one focused, else the first);
  // the arrow keys, Home and End move between tiles, Enter opens one (it is a button).
  const [activeId, setActiveId] = useState<string | null>(null);
  const current = activeId !== null && items.some((g) => g.id === activeId) ? activeId : (items[0]?.id ?? null);
  const loadMore = useEffectEvent(() => {
    // A failed page waits for the button: retrying on every scroll would hammer the server.
    if (hasNextPage && !isFetchingNextPage && !nextPageFailed) fetchNextPage();
  });

  useEffect(() => {
    const node = sentinel.current;
    if (!node || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), { rootMargin: "800px 0px" });
    observer.observe(node);
    return () => observer.disconnect();
    // Observing afresh after each page reports the sentinel again if it is still in view
    // (a tall screen), which a long-lived observer would not: it only reports changes.
  }, [items.length, hasNextPage]);

  return (
    <>
      <ul
        ref={list}
        data-gallery-grid
        onKeyDown={(event) => {
          const tiles = [...(list.current?.querySelectorAll<HTMLElement>("[data-tile-id]") ?? [])];
          const from = tiles.indexOf(event.target as HTMLElement);
          if (from < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
          const to = nextTile(tiles, from, event.key);
          if (to === null || to === from) return;
          event.preventDefault();
          tiles[to]?.focus();
          tiles[to]?.scrollIntoView({ block: "nearest" });
        }}
        aria-label={t("label")}
        aria-busy={dimmed}
        className={clsx(
          ROWS,
          // select-none: a Shift-click selects a range of tiles, not the page's text.
          "flex flex-wrap gap-2 transition-opacity select-none after:grow-[999] after:content-[''] sm:gap-3",
          dimmed && "opacity-60",
        )}
      >
        {items.map((g) => (
          <GalleryTile
            key={g.id}
            generation={g}
            onOpen={onOpen}
            selected={selected?.has(g.id) ?? false}
            selecting={(selected?.size ?? 0) > 0}
            onSelect={onSelect}
            active={g.id === current}
            onActive={setActiveId}
          />
        ))}
      </ul>
      <div ref={sentinel} aria-hidden className="h-px" />
      <div className="mt-6 flex min-h-10 flex-col items-center gap-2">
        {hasNextPage ? (
          <>
            {nextPageFailed ? <p className="text-sm text-red-600 dark:text-red-400">{t("loadFailed")}</p> : null}
            <Button variant="secondary" onClick={fetchNextPage} disabled={isFetchingNextPage} aria-busy={isFetchingNextPage}>
              {isFetchingNextPage ? t("loading") : t("loadMore")}
            </Button>
          </>
        ) : items.length > 0 ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("end")}</p>
        ) : null}
      </div>
    </>
  );
}

/**
 * Where an arrow key goes in the justified grid. Left/right follow reading order; up/down
 * go to the row above or below (rows differ in length), to the tile whose centre is nearest.
 */
function nextTile(tiles: HTMLElement[], from: number, key: string): number | null {
  if (key === "ArrowRight") return Math.min(tiles.length - 1, from + 1);
  if (key === "ArrowLeft") return Math.max(0, from - 1);
  if (key === "Home") return 0;
  if (key === "End") return tiles.length - 1;
  if (key !== "ArrowDown" && key !== "ArrowUp") return null;
  const rects = tiles.map((t) => t.getBoundingClientRect());
  const here = rects[from];
  if (!here) return null;
  const centre = here.left + here.width / 2;
  const down = key === "ArrowDown";
  const rowEdges = rects.map((r) => r.top).filter((top) => (down ? top > here.top + 1 : top < here.top - 1));
  if (rowEdges.length === 0) return from;
  const row = down ? Math.min(...rowEdges) : Math.max(...rowEdges);
  let best = from;
  let distance = Infinity;
  rects.forEach((r, i) => {
    if (Math.abs(r.top - row) > 1) return;
    const d = Math.abs(r.left + r.width / 2 - centre);
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}

/** Tiles at plausible shapes while the first page loads, so the page doesn't jump when it arrives. */
export function GallerySkeleton() {
  const ratios = [1, 1.78, 0.67, 1, 1.5, 1, 0.56, 1.78, 1, 1.33, 1, 0.75];
  return (
    <ul aria-hidden className={clsx(ROWS, "flex flex-wrap gap-2 after:grow-[999] after:content-[''] sm:gap-3")}>
      {ratios.map((r, i) => (
        <li
          key={i}
          className="animate-pulse rounded-lg bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800"
          style={{ flexGrow: r, flexBasis: `calc(var(--row-h) * ${r})`, aspectRatio: String(r) }}
        />
      ))}
    </ul>
  );
}
