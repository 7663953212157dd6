"use client";

import { useTranslations } from "next-intl";
import { ImageStudioForm, useImageStudio } from "@/components/studio/image-studio-form";
import type { StudioFormProps } from "@/components/studio/studio-page";

/** Fields the form shows inline; server errors about anything else are a toast. */
const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height"] as const;

/** Text-to-image: prompt and parameters in, a generation started (never waited for) out. */
export function GenerateForm(props: StudioFormProps) {
  const t = useTranslations("generate.form");
  const studio = useImageStudio("image", { ...props, shownFields: SHOWN_FIELDS });
  const send = () => {
    const params = studio.form.prepare();
    studio.submit.send(params ? { params } : null);
  };
  return <ImageStudioForm studio={studio} copy={{ label: t("label"), submitLabel: t("submit"), placeholder: t("placeholder") }} onSubmit={send} />;
}
