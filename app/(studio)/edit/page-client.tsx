"use client";

import { useQueries } from "@tanstack/react-query";
import { EditForm } from "@/components/edit/edit-form";
import { fetchMediaFile } from "@/components/edit/media-file";
import { Alert } from "@/components/ui/alert";
import { FormSkeleton } from "@/components/generations/form-skeleton";
import { DEFAULT_VALUES, valuesFromGeneration } from "@/components/generations/image-form";
import { RemixNotice } from "@/components/generations/remix-notice";
import { revealResults } from "@/components/generations/reveal-results";
import { ResultsPanel } from "@/components/generations/results-panel";
import { StudioColumns } from "@/components/generations/studio-columns";
import { useGeneration } from "@/components/generations/use-generation";
import { useSessionResults } from "@/components/generations/use-session-results";
import { queryKeys } from "@/lib/query-keys";

/**
 * ?from=<mediaId> starts an edit from one of the user's images; ?remix=<generationId>
 * refills prompt and settings from an earlier generation, and its reference images too
 * when it was an edit.
 */
export function EditPageClient({ remixId, fromMediaId }: { remixId?: string; fromMediaId?: string }) {
  const results = useSessionResults("edit");
  const remix = useGeneration(remixId);
  const mediaIds = [...(remix.data?.kind === "edit" ? remix.data.inputs.map((m) => m.id) : []), ...(fromMediaId ? [fromMediaId] : [])];
  const files = useQueries({
    queries: mediaIds.map((id) => ({
      queryKey: queryKeys.media.file(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchMediaFile(id, signal),
      staleTime: Infinity,
    })),
  });

  const loading = (remixId !== undefined && remix.isPending) || files.some((f) => f.isPending);
  const loaded = files.flatMap((f) => (f.data ? [f.data] : []));
  const missing = files.length - loaded.length;

  let notice = null;
  if (remixId) notice = <RemixNotice loaded={Boolean(remix.data)} freshHref="/edit" />;
  else if (fromMediaId && missing) {
    notice = (
      <Alert title="Couldn't load that image">
        <p>It may have been deleted. Add an image below instead.</p>
      </Alert>
    );
  }

  const form = loading ? (
    <FormSkeleton label={fromMediaId ? "Loading the image" : "Loading the generation to remix"} />
  ) : (
    <EditForm
      key={`${remixId ?? ""}|${fromMediaId ?? ""}`}
      initial={remix.data ? valuesFromGeneration(remix.data) : DEFAULT_VALUES}
      initialFiles={loaded}
      notice={notice}
      onCreated={(generation) => {
        results.add(generation.id);
        revealResults();
      }}
    />
  );

  return (
    <StudioColumns
      form={form}
      results={
        <ResultsPanel
          ids={results.ids}
          onDismiss={results.remove}
          onClear={results.clear}
          emptyTitle="Your edits will appear here"
          emptyHint="Add a photo, describe the change, and press Apply edit. Everything you make is also saved to your gallery."
        />
      }
    />
  );
}
