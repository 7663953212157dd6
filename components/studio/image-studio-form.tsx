"use client";

import type { ReactNode } from "react";
import { DEFAULT_VALUES, valuesFromGeneration } from "./image-form";
import { ImageParamsFields } from "./image-params-fields";
import { StudioForm } from "./studio-form";
import type { StudioFormProps } from "./studio-page";
import { useImageForm } from "./use-image-form";
import { useModels } from "./use-models";
import { useServerText } from "./use-server-text";
import { useStudioSubmit, type StudioSubmit } from "./use-studio-submit";

/**
 * What Generate and Edit share: the model list for their capability, the image form
 * (filled from the remixed generation, if any) and its submit.
 */
export function useImageStudio<K extends "image" | "edit">(kind: K, { start, onCreated, shownFields }: StudioFormProps & { shownFields: readonly string[] }) {
  const models = useModels(kind === "image" ? "text-to-image" : "image-to-image");
  const form = useImageForm(start.remixed ? valuesFromGeneration(start.remixed) : DEFAULT_VALUES, models);
  const submit = useStudioSubmit(kind, { onCreated, shownFields, setServerErrors: form.setServerErrors });
  return { models, form, submit, notice: start.notice };
}

/** An image form (Generate, Edit): StudioForm with the prompt and the model, count, size and quality fields. */
export function ImageStudioForm({
  studio: { models, form, submit, notice },
  copy: { label, submitLabel, placeholder },
  beforePrompt,
  onSubmit,
}: {
  studio: Omit<ReturnType<typeof useImageStudio>, "submit"> & { submit: Pick<StudioSubmit, "formRef" | "pending"> };
  /** The form's name, its submit button and the prompt's example. */
  copy: { label: string; submitLabel: string; placeholder: string };
  beforePrompt?: ReactNode;
  onSubmit: () => void;
}) {
  // The shared schemas and the server speak English; the fields show the reader's language.
  const { fieldTexts } = useServerText();
  const errors = fieldTexts(form.errors);
  return (
    <StudioForm
      label={label}
      formRef={submit.formRef}
      pending={submit.pending}
      onSubmit={onSubmit}
      notice={notice}
      models={models}
      beforePrompt={beforePrompt}
      prompt={{ value: form.values.prompt, onChange: (v) => form.set("prompt", v), error: errors.prompt, placeholder }}
      estimate={form.estimate}
      submitLabel={submitLabel}
    >
      <ImageParamsFields values={form.values} set={form.set} errors={errors} models={models.models} model={form.model} modelsStatus={models.status} />
    </StudioForm>
  );
}
