"use client";

import { GenerateForm } from "@/components/generate/generate-form";
import { FormSkeleton } from "@/components/generations/form-skeleton";
import { DEFAULT_VALUES, valuesFromGeneration } from "@/components/generations/image-form";
import { RemixNotice } from "@/components/generations/remix-notice";
import { revealResults } from "@/components/generations/reveal-results";
import { ResultsPanel } from "@/components/generations/results-panel";
import { StudioColumns } from "@/components/generations/studio-columns";
import { useGeneration } from "@/components/generations/use-generation";
import { useSessionResults } from "@/components/generations/use-session-results";

export function GeneratePageClient({ remixId }: { remixId?: string }) {
  const results = useSessionResults("generate");
  const remix = useGeneration(remixId);

  // The form mounts once its starting values are known; a new remix id remounts it.
  const form =
    remixId && remix.isPending ? (
      <FormSkeleton label="Loading the generation to remix" />
    ) : (
      <GenerateForm
        key={remixId ?? "new"}
        initial={remix.data ? valuesFromGeneration(remix.data) : DEFAULT_VALUES}
        notice={remixId ? <RemixNotice loaded={Boolean(remix.data)} freshHref="/generate" /> : null}
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
          emptyTitle="Your images will appear here"
          emptyHint="Describe what you want to see and press Generate. Everything you make is also saved to your gallery."
        />
      }
    />
  );
}
