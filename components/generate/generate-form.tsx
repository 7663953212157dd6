"use client";

import { useRef, type FormEvent, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ErrorMessage, splitSubmitError } from "@/components/generations/error-message";
import { focusFirstInvalid } from "@/components/generations/focus-first-invalid";
import type { ImageFormValues } from "@/components/generations/image-form";
import { ImageParamsFields } from "@/components/generations/image-params-fields";
import { ModelsError } from "@/components/generations/models-error";
import { PromptField } from "@/components/generations/prompt-field";
import { SubmitBar } from "@/components/generations/submit-bar";
import { useCreateGeneration } from "@/components/generations/use-create-generation";
import { useImageForm } from "@/components/generations/use-image-form";
import { useHydrated } from "@/components/generations/use-hydrated";
import { useImageModels } from "@/components/generations/use-models";
import type { GenerationView } from "@/lib/generations/view";

/** Fields the form shows inline; server errors about anything else go to the alert. */
const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height"] as const;

/** Text-to-image: prompt and parameters in, a generation started (never waited for) out. */
export function GenerateForm({ initial, onCreated, notice }: { initial: ImageFormValues; onCreated: (g: GenerationView) => void; notice?: ReactNode }) {
  const models = useImageModels("text-to-image");
  const form = useImageForm(initial, models);
  const create = useCreateGeneration({ onCreated });
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const { alert } = splitSubmitError(create.error, SHOWN_FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = form.prepare();
    if (!params) {
      create.reset();
      focusFirstInvalid(formRef.current);
      return;
    }
    create.submit(
      { kind: "image", params },
      {
        onError: (error) => {
          form.setServerErrors(splitSubmitError(error, SHOWN_FIELDS).fields);
          focusFirstInvalid(formRef.current);
        },
      },
    );
  }

  return (
    <Card className="p-5 sm:p-6">
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Generate images" className="flex flex-col gap-5">
        <fieldset disabled={!hydrated} className="contents">
          {notice}
          {models.isError ? <ModelsError onRetry={() => void models.refetch()} /> : null}
          <PromptField
            value={form.values.prompt}
            onChange={(v) => form.set("prompt", v)}
            error={form.errors.prompt}
            placeholder="A lighthouse on a cliff at dawn, soft fog, watercolor"
            onSubmitShortcut={() => formRef.current?.requestSubmit()}
          />
          <ImageParamsFields
            values={form.values}
            set={form.set}
            errors={form.errors}
            models={models.models}
            model={form.model}
            modelsStatus={models.status}
          />
          {alert ? <ErrorMessage error={alert} /> : null}
          <SubmitBar estimate={form.estimate} pending={create.isPending} ready={!models.isPending} label="Generate" />
        </fieldset>
      </form>
    </Card>
  );
}
