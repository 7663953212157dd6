"use client";

import { useTranslations } from "next-intl";
import clsx from "clsx";
import Image from "next/image";
import { ErrorMessage } from "@/components/studio/error-message";
import { ProgressBar } from "@/components/ui/progress-bar";
import { VideoPlayer } from "@/components/studio/video-player";
import { useOpenViewer } from "@/components/studio/viewer/viewer-scope";
import { ViewLargeButton } from "@/components/studio/viewer/view-large-button";
import type { GenerationView } from "@/lib/generations/view";
import { aspectOf, isPending } from "@/components/studio/generation-format";

/**
 * On phones the media sits in the scrolling column at its natural shape (capped so the
 * facts stay in reach); from md up it fills its pane, letterboxed, whatever the shape.
 */
const FIT = "md:absolute md:inset-0";
const MEDIA = "block h-auto max-h-[75dvh] w-full object-contain md:h-full md:max-h-none md:p-4";

/** The media pane of the detail view: the selected output at full size, or where it will be. */
export function DetailMedia({ generation: g, selected }: { generation: GenerationView; selected: number }) {
  const t = useTranslations("gallery.detail");
  const output = g.outputs[selected] ?? g.outputs[0];
  const { width, height } = aspectOf(g);
  const openViewer = useOpenViewer();

  if (output?.kind === "video") {
    return (
      <div className={clsx("relative", FIT)}>
        <VideoPlayer media={output} label={t("videoLabel", { prompt: g.prompt })} className={MEDIA} />
        <ViewLargeButton generation={g} mediaId={output.id} label={t("viewVideoLarge")} className="absolute top-2 right-2 z-10 md:top-6 md:right-6" />
      </div>
    );
  }
  if (output) {
    return (
      <a
        href={output.url}
        target="_blank"
        rel="noopener"
        className={clsx("block cursor-zoom-in", FIT)}
        aria-label={t("viewImageLarge")}
        onClick={(event) => {
          // In the app's viewer when there is one; the plain link stays for a middle click.
          if (!openViewer || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          openViewer(output.id, g);
        }}
      >
        <Image
          src={output.url}
          alt={g.outputs.length > 1 ? t("imageAltN", { index: selected + 1, total: g.outputs.length, prompt: g.prompt }) : t("imageAlt", { prompt: g.prompt })}
          width={output.width}
          height={output.height}
          unoptimized
          priority
          className={MEDIA}
          style={{ aspectRatio: `${output.width} / ${output.height}` }}
        />
      </a>
    );
  }
  // Nothing to show yet (or ever): the state, in a box of the final shape on phones.
  return (
    <div className={clsx("flex max-h-[60dvh] items-center justify-center p-6 md:max-h-none", FIT)} style={{ aspectRatio: `${width} / ${height}` }}>
      {isPending(g) ? (
        <div className="flex w-full max-w-xs flex-col gap-2 text-center text-sm text-zinc-300">
          <span>{g.status === "queued" ? t("waitingToStart") : g.progress > 0 ? t("generatingPct", { progress: g.progress }) : t("generating")}</span>
          <ProgressBar value={g.progress} label={t("progress")} active />
        </div>
      ) : g.error ? (
        <div className="w-full max-w-sm">
          <ErrorMessage error={g.error} />
        </div>
      ) : null}
    </div>
  );
}

/** Thumbnails to switch between the outputs of a multi-image generation. */
export function OutputPicker({ generation: g, selected, onSelect }: { generation: GenerationView; selected: number; onSelect: (i: number) => void }) {
  const t = useTranslations("gallery.detail");
  if (g.outputs.length < 2) return null;
  return (
    <div role="group" aria-label={t("pickerLabel")} className="flex gap-2 overflow-x-auto p-2">
      {g.outputs.map((o, i) => (
        <button
          key={o.id}
          type="button"
          onClick={() => onSelect(i)}
          aria-label={t("show", { index: i + 1, total: g.outputs.length })}
          aria-pressed={i === selected}
          className={clsx(
            "relative h-14 shrink-0 overflow-hidden rounded-md ring-2 transition",
            i === selected ? "ring-accent-500" : "ring-transparent opacity-70 hover:opacity-100",
          )}
          style={{ aspectRatio: `${o.width} / ${o.height}` }}
        >
          <Image src={o.thumbUrl} alt="" fill unoptimized sizes="80px" className="object-cover" />
        </button>
      ))}
    </div>
  );
}
