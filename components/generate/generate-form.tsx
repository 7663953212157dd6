"use client";

import type { ReactNode } from "react";
import type { ImageFormValues } from "@/components/studio/image-form";
import { ImageStudioForm, useImageStudio } from "@/components/studio/image-studio-form";
import type { GenerationView } from "@/lib/generations/view";

/** Fields the form shows inline; server errors about anything else go to the alert. */
const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height"] as const;

/** Text-to-image: prompt and parameters in, a generation started (never waited for) out. */
export function GenerateForm({ initial, onCreated, notice }: { initial: ImageFormValues; onCreated: (g: GenerationView) => void; notice?: ReactNode }) {
  const studio = useImageStudio("image", { initial, onCreated, shownFields: SHOWN_FIELDS });
  return (
    <ImageStudioForm
      studio={studio}
      label="Generate images"
      submitLabel="Generate"
      placeholder="A lighthouse on a cliff at dawn, soft fog, watercolor"
      notice={notice}
      onSubmit={() => {
        const params = studio.form.prepare();
        studio.submit.send(params ? { params } : null);
      }}
    />
  );
}
