"use client";

import clsx from "clsx";
import { ChevronLeftIcon, ChevronRightIcon, Columns2Icon, DownloadIcon, XIcon, ZoomInIcon, ZoomOutIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";
import { VideoPlayer } from "@/components/studio/video-player";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/lib/format/use-format";
import { BeforeAfter } from "./before-after";
import { beforeOf, step, type ViewerItem } from "./viewer-items";
import { ZoomPanImage } from "./zoom-pan";

const control =
  "inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-zinc-200 hover:bg-white/10 hover:text-white aria-pressed:bg-white/15 aria-disabled:opacity-30";
const side =
  "absolute top-1/2 z-20 hidden h-12 w-12 -translate-y-1/2 items-center justify-center rounded-full bg-black/50 text-white hover:bg-black/75 aria-disabled:pointer-events-none aria-disabled:opacity-0 sm:inline-flex";

/** Keys that already mean something where focus is: the slider, a video, the panned image. */
function keepsArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && Boolean(target.closest("input, textarea, select, video, [role=slider]"));
}

/**
 * A large view of the results in the current list, over everything (full screen): ←/→
 * step through them, Esc closes, images zoom to 100 % and pan, edits compare before and
 * after, videos play with the browser's controls. Download takes the original file.
 */
export function MediaViewer({ items, index, onIndexChange, onClose }: { items: ViewerItem[]; index: number; onIndexChange: (index: number) => void; onClose: () => void }) {
  const t = useTranslations("viewer");
  const { formatPercent } = useFormat();
  const titleId = useId();
  const item = items[index];
  const [actual, setActual] = useState(false);
  const [compare, setCompare] = useState(true);
  const [shown, setShown] = useState(index);
  if (shown !== index) {
    // Each item opens fitted; the before/after choice carries over while stepping.
    setShown(index);
    setActual(false);
  }
  const previous = step(index, items.length, -1);
  const next = step(index, items.length, 1);

  // Capture phase on the window: this runs before the detail view's own arrow keys (which
  // see defaultPrevented and stay put), and still works when focus fell back to the page.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || keepsArrows(event.target)) return;
    const to = event.key === "ArrowLeft" ? previous : event.key === "ArrowRight" ? next : undefined;
    if (to === undefined) return;
    event.preventDefault();
    if (to !== null) onIndexChange(to);
  });
  useEffect(() => {
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);

  if (!item) return null;
  const { generation: g, output } = item;
  const before = beforeOf(item);
  const comparing = Boolean(before) && compare;
  const which = { kind: output.kind, index: item.index + 1, count: item.count };
  const name = item.count > 1 ? t("nameOf", which) : t("name", which);
  const full = formatPercent(1);

  return (
    <Dialog open onClose={onClose} labelledBy={titleId} className="m-0 h-dvh max-h-none w-full max-w-none backdrop:bg-black/90">
      <div className="flex h-full w-full flex-col bg-zinc-950 text-zinc-100">
        <header className="flex items-center gap-1 border-b border-white/10 px-2 py-1.5 sm:gap-2 sm:px-3">
          <div className="min-w-0 flex-1 px-1">
            <h2 id={titleId} className="truncate text-sm font-medium" title={g.prompt}>
              {g.prompt}
            </h2>
            <p className="text-xs text-zinc-400 tabular-nums" aria-live="polite">
              {t("status", { name, width: output.width, height: output.height, position: index + 1, total: items.length })}
            </p>
          </div>
          {before ? (
            <button type="button" aria-pressed={compare} onClick={() => setCompare((c) => !c)} className={control} aria-label={t("compare")} title={t("compareTitle")}>
              <Columns2Icon size={16} aria-hidden />
              <span className="hidden sm:inline">{t("compare")}</span>
            </button>
          ) : null}
          {output.kind === "image" && !comparing ? (
            <button
              type="button"
              aria-pressed={actual}
              onClick={() => setActual((a) => !a)}
              className={control}
              aria-label={t("zoomTo", { percent: full })}
              title={actual ? t("zoomFit") : t("zoomTo", { percent: full })}
            >
              {actual ? <ZoomOutIcon size={16} aria-hidden /> : <ZoomInIcon size={16} aria-hidden />}
              <span className="hidden sm:inline">{full}</span>
            </button>
          ) : null}
          {/* A file response, not a page: a plain anchor. */}
          <a href={output.downloadUrl} download className={control} aria-label={item.count > 1 ? t("downloadOf", which) : t("downloadOne", which)}>
            <DownloadIcon size={16} aria-hidden />
            <span className="hidden sm:inline">{t("download")}</span>
          </a>
          <button type="button" onClick={onClose} aria-label={t("close")} title={t("closeTitle")} className={control} data-autofocus>
            <XIcon size={18} aria-hidden />
          </button>
        </header>

        <div className="relative min-h-0 flex-1">
          {output.kind === "video" ? (
            <div className="absolute inset-0 flex items-center justify-center p-2 sm:p-6">
              <VideoPlayer key={output.id} media={output} label={t("videoLabel", { prompt: g.prompt })} className="max-h-full w-auto max-w-full" />
            </div>
          ) : comparing && before ? (
            <BeforeAfter key={output.id} before={before} after={output} prompt={g.prompt} />
          ) : (
            <ZoomPanImage key={output.id} media={output} alt={t("imageAlt", { name, prompt: g.prompt })} actual={actual} onToggle={() => setActual((a) => !a)} />
          )}
          <button type="button" onClick={() => previous !== null && onIndexChange(previous)} aria-disabled={previous === null} aria-label={t("previous")} title={t("previousTitle")} className={clsx(side, "left-3")}>
            <ChevronLeftIcon size={22} aria-hidden />
          </button>
          <button type="button" onClick={() => next !== null && onIndexChange(next)} aria-disabled={next === null} aria-label={t("next")} title={t("nextTitle")} className={clsx(side, "right-3")}>
            <ChevronRightIcon size={22} aria-hidden />
          </button>
        </div>

        {/* Phones: stepping buttons below the picture, where thumbs reach them. */}
        <footer className="flex items-center justify-between border-t border-white/10 px-2 py-1.5 sm:hidden">
          <button type="button" onClick={() => previous !== null && onIndexChange(previous)} aria-disabled={previous === null} className={control}>
            <ChevronLeftIcon size={18} aria-hidden />
            {t("previous")}
          </button>
          <button type="button" onClick={() => next !== null && onIndexChange(next)} aria-disabled={next === null} className={control}>
            {t("next")}
            <ChevronRightIcon size={18} aria-hidden />
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
