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
import { ImageUploader } from "./image-uploader";
import { useUploads } from "./use-uploads";

const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height", "images"] as const;
/** Failures about the files themselves are shown by the uploader, where the files are. */
const UPLOAD_ERROR_TYPES = new Set(["unsupported_media_type", "payload_too_large"]);

/** Image-to-image: reference images plus a prompt, sent as one multipart request. */
export function EditForm({
  initial,
  initialFiles,
  onCreated,
  notice,
}: {
  initial: ImageFormValues;
  initialFiles: File[];
  onCreated: (g: GenerationView) => void;
  notice?: ReactNode;
}) {
  const models = useImageModels("image-to-image");
  const form = useImageForm(initial, models);
  const uploads = useUploads(initialFiles);
  const create = useCreateGeneration({ onCreated });
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const { alert } = splitSubmitError(create.error, SHOWN_FIELDS);
  const uploadAlert = alert && UPLOAD_ERROR_TYPES.has(alert.type) ? alert : null;
  const formAlert = alert && !uploadAlert ? alert : null;

  const imagesMissing = form.submitted && uploads.uploads.length === 0 ? "Add at least one image to edit." : undefined;

  function clearImagesError() {
    form.setServerErrors(({ images: _images, ...rest }) => rest);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = form.prepare();
    if (!params || uploads.uploads.length === 0) {
      create.reset();
      focusFirstInvalid(formRef.current);
      return;
    }
    create.submit(
      { kind: "edit", params, images: uploads.uploads.map((u) => u.file) },
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
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Edit images" className="flex flex-col gap-5">
        <fieldset disabled={!hydrated} className="contents">
          {notice}
          {models.isError ? <ModelsError onRetry={() => void models.refetch()} /> : null}
          <ImageUploader
            uploads={uploads.uploads}
            problems={uploads.problems}
            error={imagesMissing ?? form.errors.images}
            onAdd={(files) => {
              uploads.add(files);
              clearImagesError();
            }}
            onRemove={(id) => {
              uploads.remove(id);
              clearImagesError();
            }}
            onMove={uploads.move}
          >
            {uploadAlert ? <ErrorMessage error={uploadAlert} /> : null}
          </ImageUploader>
          <PromptField
            value={form.values.prompt}
            onChange={(v) => form.set("prompt", v)}
            error={form.errors.prompt}
            placeholder="Make it golden hour, add soft lens flare, keep the faces unchanged"
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
          {formAlert ? <ErrorMessage error={formAlert} /> : null}
          <SubmitBar estimate={form.estimate} pending={create.isPending} ready={!models.isPending} label="Apply edit" />
        </fieldset>
      </form>
    </Card>
  );
}
