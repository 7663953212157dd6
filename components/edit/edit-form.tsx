"use client";

import { ErrorMessage } from "@/components/studio/error-message";
import { ImageStudioForm, useImageStudio } from "@/components/studio/image-studio-form";
import type { StudioFormProps } from "@/components/studio/studio-page";
import { ImageUploader } from "./image-uploader";
import { useUploads } from "./use-uploads";

const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height", "images"] as const;

const COPY = { label: "Edit images", submitLabel: "Apply edit", placeholder: "Make it golden hour, add soft lens flare, keep the faces unchanged" };

/** Image-to-image: reference images (the remixed edit's, or ?from's) plus a prompt, sent as one multipart request. */
export function EditForm(props: StudioFormProps) {
  const studio = useImageStudio("edit", { ...props, shownFields: SHOWN_FIELDS });
  const { form, submit } = studio;
  const uploads = useUploads(props.start.files);

  const imagesMissing = form.submitted && uploads.uploads.length === 0 ? "Add at least one image to edit." : undefined;

  function clearImagesError() {
    form.setServerErrors(({ images: _images, ...rest }) => rest);
  }

  return (
    <ImageStudioForm
      studio={studio}
      copy={COPY}
      onSubmit={() => {
        const params = form.prepare();
        submit.send(params && uploads.uploads.length > 0 ? { params, images: uploads.uploads.map((u) => u.file) } : null);
      }}
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
    />
  );
}
