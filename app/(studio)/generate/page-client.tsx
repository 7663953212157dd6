"use client";

import { ImageIcon } from "lucide-react";
import { GenerateForm } from "@/components/generate/generate-form";
import { DEFAULT_VALUES, valuesFromGeneration } from "@/components/studio/image-form";
import { imageMedia } from "@/components/studio/image-media";
import { StudioPage, useStudioStart } from "@/components/studio/studio-page";

export function GeneratePageClient({ remixId }: { remixId?: string }) {
  const start = useStudioStart({ remixId, freshHref: "/generate" });
  return (
    <StudioPage
      scope="generate"
      loading={start.loading}
      loadingLabel="Loading the generation to remix"
      // The form mounts once its starting values are known; a new remix id remounts it.
      form={(onCreated) => (
        <GenerateForm
          key={start.formKey}
          initial={start.remixed ? valuesFromGeneration(start.remixed) : DEFAULT_VALUES}
          notice={start.notice}
          onCreated={onCreated}
        />
      )}
      media={imageMedia}
      empty={{
        icon: <ImageIcon size={24} aria-hidden />,
        title: "Your images will appear here",
        hint: "Describe what you want to see and press Generate. Everything you make is also saved to your gallery.",
      }}
    />
  );
}
