"use client";

import clsx from "clsx";
import { RepeatIcon, XIcon } from "lucide-react";
import Image from "next/image";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import Link from "next/link";
import { IconButton } from "@/components/ui/icon-button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { AppError } from "@/lib/errors";
import { useFormat } from "@/lib/format/use-format";
import type { MediaView } from "@/lib/generations/view";
import { ErrorMessage } from "./error-message";
import { isPending, remixHref } from "./generation-format";
import type { ResultMedia } from "./result-media";
import { StatusBadge } from "./status-badge";
import { announce } from "./status-announcer";
import { useGenerationText } from "./use-generation-text";
import { useGeneration } from "./use-generation";
import { footerAction } from "./video-media";

const shell = "overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900";

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  const t = useTranslations("studio.results");
  return (
    <IconButton label={t("remove")} tooltip={t("removeTitle")} size="sm" onClick={onDismiss} className="-mt-1 -mr-1">
      <XIcon size={16} aria-hidden />
    </IconButton>
  );
}

/** The reference images an edit started from, small, so before and after sit together. */
function InputStrip({ inputs }: { inputs: MediaView[] }) {
  const t = useTranslations("studio.results");
  return (
    <div className="mt-2 flex items-center gap-1.5">
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("from")}</span>
      {inputs.map((m, i) => (
        <Image
          key={m.id}
          src={m.thumbUrl}
          alt={t("input", { index: i + 1 })}
          width={28}
          height={28}
          unoptimized
          className="h-7 w-7 rounded-md bg-zinc-100 object-cover ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700"
        />
      ))}
    </div>
  );
}

/** One submitted generation: live progress while it runs, then its media (the slot) or what went wrong. */
export function ResultCard({ id, media, onDismiss }: { id: string; media: ResultMedia; onDismiss: () => void }) {
  const t = useTranslations("studio");
  const text = useGenerationText();
  const f = useFormat();
  const { data: g, error } = useGeneration(id);
  const noun = t(`media.${media.words}.nounLower`);

  // Says it out loud when this card's generation finishes or fails while the page is open.
  const lastStatus = useRef(g?.status);
  useEffect(() => {
    const before = lastStatus.current;
    lastStatus.current = g?.status;
    if (!g || before === undefined || before === g.status) return;
    if (g.status === "completed" || g.status === "failed") {
      announce(t(g.status === "completed" ? "announce.done" : "announce.failed", { noun: t(`media.${media.words}.noun`), prompt: g.prompt }));
    }
  }, [g, t, media.words]);

  if (!g) {
    if (!error) {
      return <div className={clsx(shell, "h-40 animate-pulse motion-reduce:animate-none")} aria-label={t("results.loading")} role="status" />;
    }
    const gone = error instanceof AppError && error.status === 404;
    return (
      <div className={clsx(shell, "flex items-start gap-3 p-4 text-sm text-zinc-600 dark:text-zinc-400")}>
        <p className="flex-1">{gone ? t("results.deleted", { noun }) : t("results.loadFailed", { noun })}</p>
        <DismissButton onDismiss={onDismiss} />
      </div>
    );
  }

  const running = isPending(g);
  const footnote = media.footnote(g, f, (time) => t("media.took", { time }));

  return (
    <article className={shell} aria-label={t("results.cardLabel", { noun: t(`media.${media.words}.noun`), prompt: g.prompt })} aria-busy={running}>
      <header className="flex items-start gap-3 p-4 pb-3">
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 text-sm font-medium break-words text-zinc-900 dark:text-zinc-100" title={g.prompt}>
            {g.prompt}
          </p>
          <p className="mt-1 truncate text-xs text-zinc-600 dark:text-zinc-400">{text.detailsLine(g)}</p>
          {g.kind !== "video" && g.inputs.length ? <InputStrip inputs={g.inputs} /> : null}
        </div>
        <StatusBadge status={g.status} />
        <DismissButton onDismiss={onDismiss} />
      </header>

      <div className="flex flex-col gap-3 px-4 pb-4">
        {running ? (
          <>
            <div className="flex items-center gap-3">
              <ProgressBar value={g.progress} label={t(`media.${media.words}.progress`)} active className="flex-1" />
              <span className="w-24 text-right text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{media.progressText(g, (w) => t(`media.${w}`))}</span>
            </div>
            {media.placeholder(g)}
          </>
        ) : null}
        {g.status === "completed" ? media.output(g) : null}
        {g.status === "failed" && g.error ? <ErrorMessage error={g.error} /> : null}
      </div>

      <footer className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-100 bg-zinc-50/60 px-4 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-950/30 dark:text-zinc-400">
        <span className="tabular-nums">
          {text.creditsLine(g)}
          {footnote ? ` · ${footnote}` : ""}
        </span>
        <span className="flex flex-wrap gap-0.5">
          {media.actions?.(g)}
          <Link href={remixHref(g)} aria-label={t("results.remixLabel")} className={clsx(footerAction, "text-accent-700 dark:text-accent-400")}>
            <RepeatIcon size={14} aria-hidden />
            {t("results.remix")}
          </Link>
        </span>
      </footer>
    </article>
  );
}
