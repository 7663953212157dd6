"use client";

import { ChevronLeftIcon, ChevronRightIcon, CopyIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";
import { CollectionPicker } from "./collections/collection-picker";
import { FavoriteButton } from "./collections/favorite-button";
import { useCopyText } from "@/components/studio/copy-text";
import { ShareButton } from "./share/share-button";
import { ErrorMessage, toErrorLike } from "@/components/studio/error-message";
import { useGeneration } from "@/components/studio/use-generation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { IconButton } from "@/components/ui/icon-button";
import { AppError } from "@/lib/errors";
import type { GenerationTileView, GenerationView } from "@/lib/generations/view";
import { DetailActions } from "./detail-actions";
import { DetailFacts } from "./detail-facts";
import { DetailMedia, OutputPicker } from "./detail-media";
import { StatusBadge } from "@/components/studio/status-badge";
import { useGenerationText } from "@/components/studio/use-generation-text";
import { useDeleteGeneration } from "./use-delete-generation";

function CopyPromptButton({ prompt }: { prompt: string }) {
  const t = useTranslations("detail");
  const copyText = useCopyText();
  return (
    <button
      type="button"
      onClick={() => void copyText(prompt, t("prompt"))}
      className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-700/20"
    >
      <CopyIcon size={12} aria-hidden />
      {t("copyPrompt")}
    </button>
  );
}

/** Arrow keys step through the gallery, except where they already mean something. */
function isArrowTarget(target: EventTarget | null): boolean {
  return !(target instanceof HTMLElement && target.closest("input, textarea, select, video, [role=alertdialog]"));
}

interface Stepping {
  onPrevious?: () => void;
  onNext?: () => void;
}

/**
 * The detail view of one generation, as a dialog over the gallery (full screen on phones).
 * The dialog stays open while stepping to the previous or next item; only its content
 * changes, so focus and the page behind don't jump.
 */
export function GenerationDetail({
  id,
  initial,
  onClose,
  onDeleted,
  returnFocus,
  focusOnClose,
  onPrevious,
  onNext,
}: {
  id: string;
  initial: GenerationTileView | undefined;
  onClose: () => void;
  onDeleted: (generation: GenerationTileView) => void;
  /** Focus when what opened the view is gone (see Dialog). */
  returnFocus: () => HTMLElement | null | undefined;
  /** Focus that wins over the opener (after a delete: the neighbour). */
  focusOnClose?: () => HTMLElement | null | undefined;
} & Stepping) {
  const titleId = useId();
  // On the window, not the dialog: a key pressed after focus fell back to the page (say, the
  // element that had it went away) still steps. The dialog is modal, so keys are its own.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || !isArrowTarget(event.target)) return;
    const step = event.key === "ArrowLeft" ? onPrevious : event.key === "ArrowRight" ? onNext : undefined;
    if (!step) return;
    event.preventDefault();
    step();
  });
  useEffect(() => {
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <Dialog
      open
      onClose={onClose}
      labelledBy={titleId}
      returnFocus={returnFocus}
      focusOnClose={focusOnClose}
      className="m-0 h-dvh max-h-none w-full max-w-none sm:m-auto sm:h-auto sm:max-h-[92dvh] sm:w-[calc(100%-3rem)] sm:max-w-6xl"
    >
      <div className="grid w-full overflow-y-auto overscroll-contain bg-white sm:rounded-xl md:h-[min(90dvh,54rem)] md:grid-cols-[minmax(0,1fr)_24rem] md:grid-rows-[auto_minmax(0,1fr)] md:overflow-hidden dark:bg-zinc-900">
        <DetailBody id={id} initial={initial} titleId={titleId} onClose={onClose} onDeleted={onDeleted} onPrevious={onPrevious} onNext={onNext} />
      </div>
    </Dialog>
  );
}

/**
 * One generation's detail: what is shown, and its own state (picked output, delete prompt),
 * which starts over for each item. Not remounted per item: the Next button keeps focus.
 */
function DetailBody({
  id,
  initial,
  titleId,
  onClose,
  onDeleted,
  onPrevious,
  onNext,
}: {
  id: string;
  initial: GenerationTileView | undefined;
  titleId: string;
  onClose: () => void;
  onDeleted: (generation: GenerationTileView) => void;
} & Stepping) {
  // The header opens at once with what the list knows (a tile); the rest waits for the full
  // read, then follows the generation live, so a running one shows its progress and turns
  // into its result in place.
  const query = useGeneration(id);
  const g: GenerationView | undefined = query.data;
  const known = g ?? initial;
  const [selected, setSelected] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [shownId, setShownId] = useState(id);
  if (shownId !== id) {
    setShownId(id);
    setSelected(0);
    setConfirming(false);
  }
  const remove = useDeleteGeneration();
  const t = useTranslations("detail");
  const text = useGenerationText();
  const gone = !g && query.error instanceof AppError && query.error.status === 404;

  return (
    <>
      <header className="sticky top-0 z-10 flex items-center gap-2 border-b border-zinc-200 bg-white/95 py-2.5 pr-3 pl-5 backdrop-blur md:static md:col-start-2 md:row-start-1 md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900/95">
        <h2 id={titleId} className="min-w-0 flex-1 truncate text-base font-semibold">
          {known ? t("title", { kind: known.kind }) : gone ? t("notFound") : t("loading")}
        </h2>
        {known ? <StatusBadge status={known.status} className="mr-1" /> : null}
        {known ? <FavoriteButton generation={known} /> : null}
        {/* aria-disabled, not disabled: the button keeps focus when the last item is reached. */}
        <IconButton label={t("previous")} tooltip={t("previousTooltip")} size="lg" onClick={onPrevious} aria-disabled={!onPrevious}>
          <ChevronLeftIcon size={18} aria-hidden />
        </IconButton>
        <IconButton label={t("next")} tooltip={t("nextTooltip")} size="lg" onClick={onNext} aria-disabled={!onNext}>
          <ChevronRightIcon size={18} aria-hidden />
        </IconButton>
        <IconButton label={t("close")} tooltip={t("closeTooltip")} size="lg" onClick={onClose}>
          <XIcon size={18} aria-hidden />
        </IconButton>
      </header>

      {g ? (
        <>
          <div className="flex flex-col bg-zinc-950 md:col-start-1 md:row-span-2 md:row-start-1 md:min-h-0">
            <div className="relative md:min-h-0 md:flex-1">
              <DetailMedia generation={g} selected={selected} />
            </div>
            <OutputPicker generation={g} selected={selected} onSelect={setSelected} />
          </div>
          <div className="flex flex-col gap-6 p-5 md:col-start-2 md:row-start-2 md:overflow-y-auto">
            <div>
              <div className="flex items-center justify-between gap-2">
                <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t("prompt")}</h3>
                <CopyPromptButton prompt={g.prompt} />
              </div>
              <p className="mt-1.5 text-sm leading-relaxed break-words whitespace-pre-wrap">{g.prompt}</p>
            </div>
            <DetailActions
              generation={g}
              output={g.outputs[selected] ?? g.outputs[0]}
              onDelete={() => setConfirming(true)}
            />
            <ShareButton generation={g} />
            <CollectionPicker generation={g} />
            <DetailFacts generation={g} />
          </div>
          <ConfirmDialog
            open={confirming}
            title={t("deleteTitle", { thing: text.thingName(g) })}
            confirmLabel={t("deleteConfirm")}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              remove(g);
              onDeleted(g);
            }}
          >
            <p>{t("deleteBody", { outputs: g.outputs.length, files: g.outputs.length + g.inputs.length })}</p>
          </ConfirmDialog>
        </>
      ) : (
        <div className="p-6 md:col-span-2">
          {gone ? (
            <div className="flex flex-col items-start gap-3">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("gone")}</p>
              <button type="button" onClick={onClose} className="text-sm font-medium text-accent-700 underline underline-offset-2 dark:text-accent-400">
                {t("backToGallery")}
              </button>
            </div>
          ) : query.error ? (
            <ErrorMessage error={toErrorLike(query.error)} />
          ) : (
            <div role="status" aria-label={t("loadingLabel")} className="h-64 animate-pulse rounded-lg bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-800" />
          )}
        </div>
      )}
    </>
  );
}
