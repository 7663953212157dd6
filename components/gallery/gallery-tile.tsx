"use client";

import clsx from "clsx";
import { PlayIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Image from "next/image";
import type { CSSProperties, ReactNode } from "react";
import { FavoriteButton } from "./collections/favorite-button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ViewLargeButton } from "@/components/studio/viewer/view-large-button";
import type { GenerationTileView } from "@/lib/generations/view";
import { aspectOf, coverOf, isPending } from "@/components/studio/generation-format";
import { useGenerationText } from "@/components/studio/use-generation-text";
import { useFormat } from "@/lib/format/use-format";

/** Extreme shapes would make a row absurdly tall or a tile a sliver. */
const MIN_RATIO = 0.5;
const MAX_RATIO = 2.4;

/**
 * Justified rows: each tile grows in proportion to its aspect ratio from a basis of
 * ratio × row height, so every tile in a row ends up the same height and the row fills the
 * width. Sizes come from the data, not from loaded pixels, so nothing moves as images arrive.
 */
export function tileStyle(g: GenerationTileView): CSSProperties {
  const { width, height } = aspectOf(g);
  const ratio = Math.min(MAX_RATIO, Math.max(MIN_RATIO, width / height));
  return { flexGrow: ratio, flexBasis: `calc(var(--row-h) * ${ratio.toFixed(3)})` };
}

function Pill({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={clsx("inline-flex items-center gap-1 rounded-md bg-black/60 px-1.5 py-0.5 text-[11px] font-medium text-white backdrop-blur-sm", className)}>{children}</span>;
}

/** How a tile asks to change the selection: one item, or a range from the last one toggled. */
export type SelectMode = "toggle" | "extend";

/**
 * One generation in the gallery grid: its first output, or its progress, or its failure.
 * A click opens it; with Ctrl/⌘ (or while anything is selected) it toggles its selection,
 * with Shift it selects the range up to it; Space and Shift+Space do the same from the
 * keyboard. The checkbox shows on hover and focus, and always on touch screens. The grid
 * keeps one tile in the Tab order (roving tabindex): the arrow keys move it.
 */
export function GalleryTile({
  generation: g,
  onOpen,
  selected = false,
  selecting = false,
  onSelect,
  active = false,
  onActive,
}: {
  generation: GenerationTileView;
  onOpen: (id: string) => void;
  selected?: boolean;
  /** Anything is selected: a plain click selects too, and every checkbox shows. */
  selecting?: boolean;
  onSelect?: (id: string, mode: SelectMode) => void;
  /** The grid's one tile in the Tab order (roving tabindex); arrow keys move it. */
  active?: boolean;
  onActive?: (id: string) => void;
}) {
  const t = useTranslations("gallery.tile");
  const text = useGenerationText();
  const { formatClock } = useFormat();
  const cover = coverOf(g);
  const pending = isPending(g);
  const failed = g.status === "failed";
  const videoLength = g.kind === "video" ? (cover?.durationMs ?? (g.params.duration ? g.params.duration * 1000 : null)) : null;
  const extra = g.outputs.length - 1;
  const extraText = extra > 0 ? t("images", { count: extra + 1 }) : "";
  const label = `${g.prompt} (${text.kindLabel(g.kind)}${extraText}${g.status === "completed" ? "" : `, ${text.statusLabel(g.status).toLowerCase()}`})`;

  return (
    <li
      className={clsx(
        "group relative min-w-0 overflow-hidden rounded-lg bg-zinc-200 dark:bg-zinc-800",
        selected && "ring-3 ring-accent-500 ring-offset-2 ring-offset-white dark:ring-offset-zinc-950",
      )}
      style={tileStyle(g)}
      data-status={g.status}
      data-selected={selected || undefined}
    >
      <div className="relative w-full" style={{ aspectRatio: `${aspectOf(g).width} / ${aspectOf(g).height}` }}>
        {cover ? (
          <Image
            src={cover.thumbUrl}
            alt=""
            fill
            unoptimized
            sizes="(max-width: 640px) 50vw, 25vw"
            className="object-cover transition-transform duration-300 group-hover:scale-[1.02] motion-reduce:transition-none"
          />
        ) : (
          <div
            className={clsx(
              "absolute inset-0",
              failed
                ? "bg-[repeating-linear-gradient(135deg,transparent_0_10px,rgb(0_0_0/0.03)_10px_20px)] bg-red-50 dark:bg-red-950/30"
                : "animate-pulse bg-linear-to-br from-zinc-100 to-zinc-200 motion-reduce:animate-none dark:from-zinc-800/60 dark:to-zinc-800",
            )}
          />
        )}
      </div>

      {/* The whole tile opens the detail view; the overlays below are for the eye only. */}
      <button
        type="button"
        onClick={(event) => {
          if (onSelect && event.shiftKey) {
            event.preventDefault();
            onSelect(g.id, "extend");
          } else if (onSelect && (event.metaKey || event.ctrlKey || selecting)) {
            onSelect(g.id, "toggle");
          } else {
            onOpen(g.id);
          }
        }}
        onKeyDown={(event) => {
          // Space selects (Enter still opens); preventing it here stops the button's own click.
          if (!onSelect || event.key !== " ") return;
          event.preventDefault();
          onSelect(g.id, event.shiftKey ? "extend" : "toggle");
        }}
        onFocus={() => onActive?.(g.id)}
        tabIndex={active ? 0 : -1}
        data-tile-id={g.id}
        aria-label={label}
        aria-haspopup="dialog"
        className="absolute inset-0 z-10 rounded-lg focus-visible:outline-offset-[-3px]"
      />

      {onSelect ? (
        <input
          type="checkbox"
          aria-label={t("select")}
          checked={selected}
          readOnly
          onClick={(event) => {
            event.stopPropagation();
            onSelect(g.id, event.shiftKey ? "extend" : "toggle");
          }}
          className={clsx(
            "absolute top-2 left-2 z-30 h-5 w-5 cursor-pointer rounded accent-accent-600 shadow-sm",
            !selected && !selecting && "opacity-0 group-hover:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100",
          )}
        />
      ) : null}

      <div aria-hidden className="pointer-events-none absolute top-1.5 right-1.5 left-9 z-20 flex justify-between gap-1">
        <span className="flex gap-1">
          {g.kind === "video" ? (
            <Pill>
              <PlayIcon size={10} fill="currentColor" aria-hidden />
              {videoLength ? formatClock(videoLength) : t("video")}
            </Pill>
          ) : g.kind === "edit" ? (
            <Pill>{t("edit")}</Pill>
          ) : null}
        </span>
        {extra > 0 ? <Pill className={g.status === "completed" ? "mr-[4.5rem]" : "mr-9"}>+{extra}</Pill> : null}
      </div>
      {/* Shown when starred, on hover/focus, and always where there is no hover (touch). */}
      <FavoriteButton
        generation={g}
        variant="overlay"
        className={clsx("absolute top-1 right-1 z-30", !g.favorite && "opacity-0 group-hover:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100")}
      />

      <ViewLargeButton
        generation={g}
        label={t("viewLarge")}
        className="absolute top-1 right-10 z-30 opacity-0 group-hover:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100"
      />

      {pending ? (
        <div className="pointer-events-none absolute inset-x-0 bottom-0 z-20 p-2">
          <div className="flex flex-col gap-1.5 rounded-md bg-white/85 p-2 shadow-sm backdrop-blur-sm dark:bg-zinc-950/75">
            <p aria-hidden className="truncate text-xs text-zinc-700 dark:text-zinc-300">
              {g.prompt}
            </p>
            <ProgressBar value={g.progress} label={t("progress", { prompt: g.prompt })} active />
            <span aria-hidden className="flex items-center justify-between text-[11px] font-medium text-zinc-600 dark:text-zinc-400">
              <span>{g.status === "queued" ? t("queued") : t("generating")}</span>
              <span className="tabular-nums">{g.status === "running" && g.progress > 0 ? `${g.progress}%` : ""}</span>
            </span>
          </div>
        </div>
      ) : failed ? (
        <div aria-hidden className="pointer-events-none absolute inset-0 z-20 flex flex-col justify-end gap-1 p-2.5">
          <span className="text-xs font-semibold text-red-700 dark:text-red-300">{t("failed")}</span>
          <span className="line-clamp-2 text-xs text-red-900/80 dark:text-red-200/80">{g.prompt}</span>
        </div>
      ) : (
        <div aria-hidden className="pointer-events-none absolute inset-x-0 bottom-0 z-20 bg-gradient-to-t from-black/70 to-transparent p-2.5 pt-8 opacity-0 transition-opacity group-hover:opacity-100 group-has-[:focus-visible]:opacity-100">
          <p className="line-clamp-2 text-xs text-white">{g.prompt}</p>
        </div>
      )}
    </li>
  );
}
