"use client";

import { ImageIcon } from "lucide-react";
import { GenerateForm } from "@/components/generate/generate-form";
import { imageMedia } from "@/components/studio/image-media";
import { StudioPage } from "@/components/studio/studio-page";

/** ?remix=<generationId> refills prompt and settings from an earlier generation. */
export function GeneratePageClient({ remixId }: { remixId?: string }) {
  return (
    <StudioPage
      scope="generate"
      start={{ remixId }}
      form={GenerateForm}
      media={imageMedia}
      empty={{
        icon: ImageIcon,
        title: "Your images will appear here",
        hint: "Describe what you want to see and press Generate. Everything you make is also saved to your gallery.",
      }}
    />
  );
}
