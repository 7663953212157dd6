"use client";

import type { ReactNode } from "react";
import { ErrorMessage } from "@/components/studio/error-message";
import type { ImageFormValues } from "@/components/studio/image-form";
import { ImageParamsFields } from "@/components/studio/image-params-fields";
import { StudioForm } from "@/components/studio/studio-form";
import { useImageForm } from "@/components/studio/use-image-form";
import { useModels } from "@/components/studio/use-models";
import { useStudioSubmit } from "@/components/studio/use-studio-submit";
import type { GenerationView } from "@/lib/generations/view";
import { ImageUploader } from "./image-uploader";
import { useUploads } from "./use-uploads";

const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height", "images"] as const;

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
  const models = useModels("image-to-image");
  const form = useImageForm(initial, models);
  const uploads = useUploads(initialFiles);
  const submit = useStudioSubmit("edit", { onCreated, shownFields: SHOWN_FIELDS, setServerErrors: form.setServerErrors });

  const imagesMissing = form.submitted && uploads.uploads.length === 0 ? "Add at least one image to edit." : undefined;

  function clearImagesError() {
    form.setServerErrors(({ images: _images, ...rest }) => rest);
  }

  return (
    <StudioForm
      label="Edit images"
      formRef={submit.formRef}
      pending={submit.pending}
      alert={submit.formAlert}
      onSubmit={() => {
        const params = form.prepare();
        submit.send(params && uploads.uploads.length > 0 ? { params, images: uploads.uploads.map((u) => u.file) } : null);
      }}
      notice={notice}
      models={models}
      beforePrompt={
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
          {submit.fileAlert ? <ErrorMessage error={submit.fileAlert} /> : null}
        </ImageUploader>
      }
      prompt={{
        value: form.values.prompt,
        onChange: (v) => form.set("prompt", v),
        error: form.errors.prompt,
        placeholder: "Make it golden hour, add soft lens flare, keep the faces unchanged",
      }}
      estimate={form.estimate}
      submitLabel="Apply edit"
    >
      <ImageParamsFields values={form.values} set={form.set} errors={form.errors} models={models.models} model={form.model} modelsStatus={models.status} />
    </StudioForm>
  );
}
