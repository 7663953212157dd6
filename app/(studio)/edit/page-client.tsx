"use client";

import { ImageIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { EditForm } from "@/components/edit/edit-form";
import { imageMedia } from "@/components/studio/image-media";
import { StudioPage } from "@/components/studio/studio-page";
import type { StudioStartParams } from "@/components/studio/start-params";

/**
 * ?from=<mediaId> starts an edit from one of the user's images; ?remix=<generationId>
 * refills prompt and settings from an earlier generation, and its reference images too
 * when it was an edit.
 */
export function EditPageClient({ remixId, fromMediaId }: StudioStartParams) {
  const t = useTranslations("edit");
  return (
    <StudioPage
      scope="edit"
      start={{
        remixId,
        fromMediaId,
        inputIds: (remixed) => [...(remixed?.kind === "edit" ? remixed.inputs.map((m) => m.id) : []), ...(fromMediaId ? [fromMediaId] : [])],
        missingHint: t("missingHint"),
      }}
      form={EditForm}
      media={imageMedia}
      empty={{ icon: ImageIcon, title: t("empty.title"), hint: t("empty.hint") }}
    />
  );
}
