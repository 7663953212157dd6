"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import Image from "next/image";
import { useLayoutEffect, useRef, type PointerEvent } from "react";
import { useFormat } from "@/lib/format/use-format";
import type { MediaView } from "@/lib/generations/view";

/** A press that moved less than this is a click (zoom), more is a drag (pan). */
const DRAG_SLOP = 4;

/**
 * An image shown whole (fit) or at 100 % (one image pixel per CSS pixel), where it can be
 * dragged around, or scrolled with the wheel, keyboard or scrollbars. A click toggles the
 * two and zooms in on the point clicked.
 */
export function ZoomPanImage({ media, alt, actual, onToggle }: { media: MediaView; alt: string; actual: boolean; onToggle: () => void }) {
  const t = useTranslations("viewer");
  const { formatPercent } = useFormat();
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);
  // Where the click landed, as a fraction of the image, so 100 % opens on that spot.
  const focus = useRef({ x: 0.5, y: 0.5 });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !actual) return;
    el.scrollLeft = focus.current.x * media.width - el.clientWidth / 2;
    el.scrollTop = focus.current.y * media.height - el.clientHeight / 2;
  }, [actual, media.width, media.height]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const el = event.currentTarget;
    drag.current = { x: event.clientX, y: event.clientY, left: el.scrollLeft, top: el.scrollTop, moved: false };
    if (actual) el.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (Math.abs(dx) + Math.abs(dy) > DRAG_SLOP) d.moved = true;
    if (actual && d.moved) {
      event.currentTarget.scrollLeft = d.left - dx;
      event.currentTarget.scrollTop = d.top - dy;
    }
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const img = event.currentTarget.querySelector("img")?.getBoundingClientRect();
    if (!actual && img && img.width > 0) {
      focus.current = { x: (event.clientX - img.left) / img.width, y: (event.clientY - img.top) / img.height };
    }
    onToggle();
  };

  return (
    <div
      ref={box}
      data-testid="viewer-stage"
      tabIndex={actual ? 0 : -1}
      aria-label={actual ? t("pannable", { percent: formatPercent(1) }) : undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = null)}
      className={clsx(
        "absolute inset-0 touch-none select-none",
        // At 100 % an image narrower (or shorter) than the screen sits in the middle: auto
        // margins in a flex box centre it without cutting off what overflows, as centring would.
        actual ? "flex cursor-grab overflow-auto overscroll-contain active:cursor-grabbing" : "flex cursor-zoom-in items-center justify-center p-2 sm:p-6",
      )}
    >
      <Image
        src={media.url}
        alt={alt}
        width={media.width}
        height={media.height}
        unoptimized
        draggable={false}
        className={clsx("block", actual ? "m-auto max-w-none shrink-0" : "h-auto max-h-full w-auto max-w-full object-contain")}
        style={actual ? { width: media.width, height: media.height } : { aspectRatio: `${media.width} / ${media.height}` }}
      />
    </div>
  );
}
