"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { GenerationView } from "@/lib/generations/view";
import { FormSkeleton } from "./form-skeleton";
import { useMediaFiles } from "./media-file";
import { RemixNotice } from "./remix-notice";
import type { ResultMedia } from "./result-media";
import { ResultsPanel } from "./results-panel";
import { useResults, type ResultsScope } from "./results-store";
import { revealResults } from "./reveal-results";
import { StudioColumns } from "./studio-columns";
import { useGeneration } from "./use-generation";

/**
 * Where a studio form starts from: ?remix=<generationId> refills it from an earlier
 * generation (the ones this page can remix), ?from=<mediaId> brings in one of the user's
 * images as an input, and the remix's own inputs come along when the page takes them.
 */
export function useStudioStart({
  remixId,
  fromMediaId,
  freshHref,
  canRemix = () => true,
  inputIds = () => [],
  missingHint,
}: {
  remixId?: string;
  fromMediaId?: string;
  freshHref: string;
  canRemix?: (g: GenerationView) => boolean;
  /** The media to load as inputs, given the remixed generation (if any). */
  inputIds?: (remixed: GenerationView | undefined) => string[];
  missingHint?: string;
}) {
  const remix = useGeneration(remixId);
  const remixed = remix.data && canRemix(remix.data) ? remix.data : undefined;
  const files = useMediaFiles(inputIds(remixed));
  const loading = (remixId !== undefined && remix.isPending) || files.some((f) => f.isPending);
  const loaded = files.flatMap((f) => (f.data ? [f.data] : []));

  let notice: ReactNode = null;
  if (remixId) notice = <RemixNotice loaded={Boolean(remixed)} freshHref={freshHref} />;
  else if (fromMediaId && loaded.length < files.length) {
    notice = (
      <Alert title="Couldn't load that image">
        <p>{missingHint}</p>
      </Alert>
    );
  }
  return { remixed, files: loaded, loading, notice, formKey: `${remixId ?? ""}|${fromMediaId ?? ""}` };
}

/**
 * A studio page: the form (or its skeleton while what it starts from loads) beside this
 * tab's results for the page. A new generation joins the results and, on a phone, the
 * results scroll into view.
 */
export function StudioPage({
  scope,
  loading,
  loadingLabel,
  form,
  media,
  listLabel,
  empty,
}: {
  scope: ResultsScope;
  loading: boolean;
  loadingLabel: string;
  form: (onCreated: (generation: GenerationView) => void) => ReactNode;
  media: ResultMedia;
  listLabel?: string;
  empty: { icon: ReactNode; title: string; hint: string };
}) {
  const results = useResults(scope);
  return (
    <StudioColumns
      form={
        loading ? (
          <FormSkeleton label={loadingLabel} />
        ) : (
          form((generation) => {
            results.add(generation.id);
            revealResults();
          })
        )
      }
      results={
        <ResultsPanel
          ids={results.ids}
          media={media}
          listLabel={listLabel}
          onDismiss={results.remove}
          onClear={results.clear}
          emptyIcon={empty.icon}
          emptyTitle={empty.title}
          emptyHint={empty.hint}
        />
      }
    />
  );
}
