"use client";

import type { LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentType, ReactNode } from "react";
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
export interface StudioStartOptions {
  remixId?: string;
  fromMediaId?: string;
  canRemix?: (g: GenerationView) => boolean;
  /** The media to load as inputs, given the remixed generation (if any). */
  inputIds?: (remixed: GenerationView | undefined) => string[];
  /** What to say when the ?from image can't be loaded. */
  missingHint?: string;
}

function useStudioStart({ remixId, fromMediaId, canRemix = () => true, inputIds = () => [], missingHint }: StudioStartOptions, freshHref: string) {
  const t = useTranslations("studio.start");
  const remix = useGeneration(remixId);
  const remixed = remix.data && canRemix(remix.data) ? remix.data : undefined;
  const files = useMediaFiles(inputIds(remixed));
  const loading = (remixId !== undefined && remix.isPending) || files.some((f) => f.isPending);
  const loaded = files.flatMap((f) => (f.data ? [f.data] : []));

  let notice: ReactNode = null;
  if (remixId) notice = <RemixNotice loaded={Boolean(remixed)} freshHref={freshHref} />;
  else if (fromMediaId && loaded.length < files.length) {
    notice = (
      <Alert title={t("imageMissingTitle")}>
        <p>{missingHint}</p>
      </Alert>
    );
  }
  return { remixed, files: loaded, loading, notice, formKey: `${remixId ?? ""}|${fromMediaId ?? ""}` };
}

/** What a studio form starts from: the generation it remixes, the files it brings in, and the notice that says so. */
export type StudioStart = Omit<ReturnType<typeof useStudioStart>, "loading" | "formKey">;

/** Every studio form (Generate, Edit, Video) takes where it starts and what to do with what it creates. */
export interface StudioFormProps {
  start: StudioStart;
  onCreated: (generation: GenerationView) => void;
}

/**
 * A studio page (/generate, /edit, /video): the form (or its skeleton while what it starts
 * from loads) beside this tab's results for the page. A new generation joins the results
 * and, on a phone, the results scroll into view.
 */
export function StudioPage({
  scope,
  start: startOptions,
  form: Form,
  media,
  listLabel,
  empty,
}: {
  scope: ResultsScope;
  start: StudioStartOptions;
  form: ComponentType<StudioFormProps>;
  media: ResultMedia;
  listLabel?: string;
  empty: { icon: LucideIcon; title: string; hint: string };
}) {
  const t = useTranslations("studio.start");
  const { loading, formKey, ...start } = useStudioStart(startOptions, `/${scope}`);
  const results = useResults(scope);
  const EmptyIcon = empty.icon;
  const loadingLabel = t(startOptions.fromMediaId ? "loadingImage" : scope === "video" ? "loadingRemixVideo" : "loadingRemix");
  return (
    <StudioColumns
      form={
        loading ? (
          <FormSkeleton label={loadingLabel} />
        ) : (
          // The form mounts once its starting values are known; a new remix id remounts it.
          <Form
            key={formKey}
            start={start}
            onCreated={(generation) => {
              results.add(generation.id);
              revealResults();
            }}
          />
        )
      }
      results={
        <ResultsPanel
          ids={results.ids}
          media={media}
          listLabel={listLabel}
          onDismiss={results.remove}
          onClear={results.clear}
          emptyIcon={<EmptyIcon size={24} aria-hidden />}
          emptyTitle={empty.title}
          emptyHint={empty.hint}
        />
      }
    />
  );
}
