"use client";

import { useTranslations } from "next-intl";
import { useServerText } from "@/components/studio/use-server-text";
import { ErrorMessage } from "@/components/studio/error-message";
import { ImageStudioForm, useImageStudio } from "@/components/studio/image-studio-form";
import type { StudioFormProps } from "@/components/studio/studio-page";
import { ImageUploader } from "./image-uploader";
import { useUploads } from "./use-uploads";

const SHOWN_FIELDS = ["model", "prompt", "n", "size", "quality", "width", "height", "images"] as const;


/** Image-to-image: reference images (the remixed edit's, or ?from's) plus a prompt, sent as one multipart request. */
export function EditForm(props: StudioFormProps) {
  const t = useTranslations("edit.form");
  const { text } = useServerText();
  const studio = useImageStudio("edit", { ...props, shownFields: SHOWN_FIELDS });
  const { form, submit } = studio;
  const uploads = useUploads(props.start.files);

  const imagesMissing = form.submitted && uploads.uploads.length === 0 ? "Add at least one image to edit." : undefined;
  const imagesError = imagesMissing ?? form.errors.images;

  function clearImagesError() {
    form.setServerErrors(({ images: _images, ...rest }) => rest);
  }

  return (
    <ImageStudioForm
      studio={studio}
      copy={{ label: t("label"), submitLabel: t("submit"), placeholder: t("placeholder") }}
      onSubmit={() => {
        const params = form.prepare();
        submit.send(params && uploads.uploads.length > 0 ? { params, images: uploads.uploads.map((u) => u.file) } : null);
      }}
      beforePrompt={
        <ImageUploader
          uploads={uploads.uploads}
          problems={uploads.problems.map((p) => text(p))}
          error={imagesError ? text(imagesError, "invalid_request_error") : undefined}
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
