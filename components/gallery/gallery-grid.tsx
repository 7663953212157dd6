"use client";

import clsx from "clsx";
import { useEffect, useEffectEvent, useRef } from "react";
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
  const sentinel = useRef<HTMLDivElement>(null);
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
        aria-label="Generations"
        aria-busy={dimmed}
        className={clsx(
          ROWS,
          // select-none: a Shift-click selects a range of tiles, not the page's text.
          "flex flex-wrap gap-2 transition-opacity select-none after:grow-[999] after:content-[''] sm:gap-3",
          dimmed && "opacity-60",
        )}
      >
        {items.map((g) => (
          <GalleryTile key={g.id} generation={g} onOpen={onOpen} selected={selected?.has(g.id) ?? false} selecting={(selected?.size ?? 0) > 0} onSelect={onSelect} />
        ))}
      </ul>
      <div ref={sentinel} aria-hidden className="h-px" />
      <div className="mt-6 flex min-h-10 flex-col items-center gap-2">
        {hasNextPage ? (
          <>
            {nextPageFailed ? <p className="text-sm text-red-600 dark:text-red-400">Couldn&apos;t load more. Check your connection and try again.</p> : null}
            <Button variant="secondary" onClick={fetchNextPage} disabled={isFetchingNextPage} aria-busy={isFetchingNextPage}>
              {isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </>
        ) : items.length > 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">That&apos;s everything.</p>
        ) : null}
      </div>
    </>
  );
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
