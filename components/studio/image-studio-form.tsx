"use client";

import type { ReactNode } from "react";
import type { GenerationView } from "@/lib/generations/view";
import type { ImageFormValues } from "./image-form";
import { ImageParamsFields } from "./image-params-fields";
import { StudioForm } from "./studio-form";
import { useImageForm } from "./use-image-form";
import { useModels } from "./use-models";
import { useStudioSubmit, type StudioSubmit } from "./use-studio-submit";

/** What Generate and Edit share: the model list for their capability, the image form and its submit. */
export function useImageStudio<K extends "image" | "edit">(
  kind: K,
  { initial, onCreated, shownFields }: { initial: ImageFormValues; onCreated: (g: GenerationView) => void; shownFields: readonly string[] },
) {
  const models = useModels(kind === "image" ? "text-to-image" : "image-to-image");
  const form = useImageForm(initial, models);
  const submit = useStudioSubmit(kind, { onCreated, shownFields, setServerErrors: form.setServerErrors });
  return { models, form, submit };
}

/** An image form (Generate, Edit): StudioForm with the prompt and the model, count, size and quality fields. */
export function ImageStudioForm({
  studio: { models, form, submit },
  label,
  submitLabel,
  placeholder,
  notice,
  beforePrompt,
  onSubmit,
}: {
  studio: { models: ReturnType<typeof useModels>; form: ReturnType<typeof useImageForm>; submit: Pick<StudioSubmit, "formRef" | "pending" | "formAlert"> };
  label: string;
  submitLabel: string;
  placeholder: string;
  notice?: ReactNode;
  beforePrompt?: ReactNode;
  onSubmit: () => void;
}) {
  return (
    <StudioForm
      label={label}
      formRef={submit.formRef}
      pending={submit.pending}
      alert={submit.formAlert}
      onSubmit={onSubmit}
      notice={notice}
      models={models}
      beforePrompt={beforePrompt}
      prompt={{ value: form.values.prompt, onChange: (v) => form.set("prompt", v), error: form.errors.prompt, placeholder }}
      estimate={form.estimate}
      submitLabel={submitLabel}
    >
      <ImageParamsFields values={form.values} set={form.set} errors={form.errors} models={models.models} model={form.model} modelsStatus={models.status} />
    </StudioForm>
  );
}
