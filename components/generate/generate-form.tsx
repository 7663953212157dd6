"use client";

import type { ReactNode } from "react";
import type { ImageFormValues } from "@/components/studio/image-form";
import { ImageParamsFields } from "@/components/studio/image-params-fields";
import { StudioForm } from "@/components/studio/studio-form";
import { useImageForm } from "@/components/studio/use-image-form";
import { useModels } from "@/components/studio/use-models";
import { useStudioSubmit } from "@/components/studio/use-studio-submit";
import type { GenerationView } from "@/lib/generations/view";

/** Fields the form shows inline; server errors about anything else go to the alert. */
const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height"] as const;

/** Text-to-image: prompt and parameters in, a generation started (never waited for) out. */
export function GenerateForm({ initial, onCreated, notice }: { initial: ImageFormValues; onCreated: (g: GenerationView) => void; notice?: ReactNode }) {
  const models = useModels("text-to-image");
  const form = useImageForm(initial, models);
  const submit = useStudioSubmit("image", { onCreated, shownFields: SHOWN_FIELDS, setServerErrors: form.setServerErrors });

  return (
    <StudioForm
      label="Generate images"
      formRef={submit.formRef}
      pending={submit.pending}
      alert={submit.formAlert}
      onSubmit={() => {
        const params = form.prepare();
        submit.send(params ? { params } : null);
      }}
      notice={notice}
      models={models}
      prompt={{
        value: form.values.prompt,
        onChange: (v) => form.set("prompt", v),
        error: form.errors.prompt,
        placeholder: "A lighthouse on a cliff at dawn, soft fog, watercolor",
      }}
      estimate={form.estimate}
      submitLabel="Generate"
    >
      <ImageParamsFields values={form.values} set={form.set} errors={form.errors} models={models.models} model={form.model} modelsStatus={models.status} />
    </StudioForm>
  );
}
