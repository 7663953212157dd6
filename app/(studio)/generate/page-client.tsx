"use client";

import { ImageIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { GenerateForm } from "@/components/generate/generate-form";
import { imageMedia } from "@/components/studio/image-media";
import { StudioPage } from "@/components/studio/studio-page";

/** ?remix=<generationId> refills prompt and settings from an earlier generation. */
export function GeneratePageClient({ remixId }: { remixId?: string }) {
  const t = useTranslations("generate.empty");
  return (
    <StudioPage
      scope="generate"
      start={{ remixId }}
      form={GenerateForm}
      media={imageMedia}
      empty={{
        icon: ImageIcon,
        title: t("title"),
        hint: t("hint"),
      }}
    />
  );
}
