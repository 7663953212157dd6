"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, type ReactNode } from "react";
import type { GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import { IconBadge } from "@/components/ui/icon-badge";
import { ResultCard } from "./result-card";
import type { ResultMedia } from "./result-media";
import { ViewerScope } from "./viewer/viewer-scope";

/** This page's generations in this tab, newest first, or a friendly empty state. */
export function ResultsPanel({
  ids,
  media,
  listLabel,
  onDismiss,
  onClear,
  emptyIcon,
  emptyTitle,
  emptyHint,
}: {
  ids: readonly string[];
  media: ResultMedia;
  listLabel?: string;
  onDismiss: (id: string) => void;
  onClear: () => void;
  emptyIcon: ReactNode;
  emptyTitle: string;
  emptyHint: string;
}) {
  const t = useTranslations("studio.results");
  // The viewer steps through the cards' generations as each card last read them.
  const queryClient = useQueryClient();
  const generations = useCallback(
    () => ids.flatMap((id) => queryClient.getQueryData<GenerationView>(queryKeys.generations.detail(id)) ?? []),
    [ids, queryClient],
  );
  return (
    <ViewerScope generations={generations}>
      <section aria-labelledby="results-heading" className="flex min-w-0 flex-col gap-3">
        <div className="flex h-8 items-center justify-between gap-3">
          <h2 id="results-heading" className="scroll-mt-32 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            {t("heading")}
            {ids.length ? <span className="ml-2 font-normal text-zinc-600 dark:text-zinc-400">{ids.length}</span> : null}
          </h2>
          {ids.length ? (
            <button
              type="button"
              onClick={onClear}
              title={t("clearTitle")}
              className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              {t("clear")}
            </button>
          ) : null}
        </div>
        {ids.length === 0 ? (
          <div className="flex min-h-64 flex-col items-center justify-center rounded-xl border border-dashed border-zinc-300 bg-white/50 px-6 py-12 text-center dark:border-zinc-700 dark:bg-zinc-900/40">
            <IconBadge>{emptyIcon}</IconBadge>
            <p className="mt-4 text-sm font-medium text-zinc-900 dark:text-zinc-100">{emptyTitle}</p>
            <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{emptyHint}</p>
          </div>
        ) : (
          <ol aria-label={listLabel ?? t("heading")} className="flex flex-col gap-4">
            {ids.map((id) => (
              <li key={id}>
                <ResultCard id={id} media={media} onDismiss={() => onDismiss(id)} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </ViewerScope>
  );
}
