"use client";

import { ImageIcon } from "lucide-react";
import { EditForm } from "@/components/edit/edit-form";
import { DEFAULT_VALUES, valuesFromGeneration } from "@/components/studio/image-form";
import { imageMedia } from "@/components/studio/image-media";
import { StudioPage, useStudioStart } from "@/components/studio/studio-page";

/**
 * ?from=<mediaId> starts an edit from one of the user's images; ?remix=<generationId>
 * refills prompt and settings from an earlier generation, and its reference images too
 * when it was an edit.
 */
export function EditPageClient({ remixId, fromMediaId }: { remixId?: string; fromMediaId?: string }) {
  const start = useStudioStart({
    remixId,
    fromMediaId,
    freshHref: "/edit",
    inputIds: (remixed) => [...(remixed?.kind === "edit" ? remixed.inputs.map((m) => m.id) : []), ...(fromMediaId ? [fromMediaId] : [])],
    missingHint: "It may have been deleted. Add an image below instead.",
  });
  return (
    <StudioPage
      scope="edit"
      loading={start.loading}
      loadingLabel={fromMediaId ? "Loading the image" : "Loading the generation to remix"}
      form={(onCreated) => (
        <EditForm
          key={start.formKey}
          initial={start.remixed ? valuesFromGeneration(start.remixed) : DEFAULT_VALUES}
          initialFiles={start.files}
          notice={start.notice}
          onCreated={onCreated}
        />
      )}
      media={imageMedia}
      empty={{
        icon: <ImageIcon size={24} aria-hidden />,
        title: "Your edits will appear here",
        hint: "Add a photo, describe the change, and press Apply edit. Everything you make is also saved to your gallery.",
      }}
    />
  );
}
