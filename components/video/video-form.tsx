"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { fileProblem } from "@/components/studio/file-checks";
import { StudioForm } from "@/components/studio/studio-form";
import { findModel, useModels } from "@/components/studio/use-models";
import type { StudioFormProps } from "@/components/studio/studio-page";
import { useServerText } from "@/components/studio/use-server-text";
import { useStudioSubmit } from "@/components/studio/use-studio-submit";
import { StartImageField, type StartImage } from "./start-image-field";
import { closestAspect, DEFAULT_VIDEO_VALUES, estimateVideo, validateVideoForm, videoValuesFrom, type FieldErrors, type VideoFormValues } from "./video-form-state";
import { VideoParamsFields } from "./video-params-fields";

const SHOWN_FIELDS = ["model", "prompt", "duration", "size"] as const;

function toStartImage(file: File): StartImage {
  return { file, previewUrl: URL.createObjectURL(file) };
}

/**
 * Text-to-video or image-to-video: a prompt, a model, a length and a shape, and optionally
 * a start image. Errors stay quiet until the first submit, then follow every change.
 */
export function VideoForm({ start, onCreated }: StudioFormProps) {
  const t = useTranslations("video.form");
  const { text, fieldTexts } = useServerText();
  const models = useModels("text-to-video");
  const [values, setValues] = useState(() => (start.remixed ? videoValuesFrom(start.remixed) : DEFAULT_VIDEO_VALUES));
  const initialImage = start.files[0] ?? null;
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [image, setImage] = useState<StartImage | null>(() => (initialImage && !fileProblem(initialImage) ? toStartImage(initialImage) : null));
  const [imageProblem, setImageProblem] = useState<string | null>(() => (initialImage ? fileProblem(initialImage) : null));
  // Once the person picks a shape, a new image no longer changes it for them; a remix brings its own.
  const aspectChosen = useRef(Boolean(start.remixed));
  const submit = useStudioSubmit("video", { onCreated, shownFields: SHOWN_FIELDS, setServerErrors });

  const model = findModel(models.models, values.model)?.id ?? models.defaultId;
  const check = validateVideoForm(values, model);
  // The shared schema and the server speak English; the fields show the reader's language.
  const errors: FieldErrors = fieldTexts({ ...serverErrors, ...(submitted ? check.errors : {}) });

  // A replaced or removed preview frees its object URL; the last one goes with the document.
  function replaceImage(next: StartImage | null) {
    if (image) URL.revokeObjectURL(image.previewUrl);
    setImage(next);
  }

  function set<K extends keyof VideoFormValues>(field: K, value: VideoFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    const serverField = field === "aspect" ? "size" : field;
    setServerErrors(({ [serverField]: _dropped, ...rest }) => rest);
  }

  function pick(file: File) {
    const problem = fileProblem(file);
    setImageProblem(problem);
    submit.reset();
    if (!problem) replaceImage(toStartImage(file));
  }

  return (
    <StudioForm
      label={t("label")}
      formRef={submit.formRef}
      pending={submit.pending}
      onSubmit={() => {
        setSubmitted(true);
        setServerErrors({});
        submit.send(check.data ? { params: check.data, image: image?.file ?? null } : null);
      }}
      notice={start.notice}
      models={models}
      prompt={{
        value: values.prompt,
        onChange: (v) => set("prompt", v),
        error: errors.prompt,
        placeholder: image ? t("placeholderImage") : t("placeholder"),
      }}
      estimate={estimateVideo(values, model)}
      submitLabel={t("submit")}
    >
      <StartImageField
        image={image}
        problem={imageProblem ? text(imageProblem) : submit.fileAlert ? text(submit.fileAlert.message, submit.fileAlert.type) : null}
        onPick={pick}
        onRemove={() => {
          replaceImage(null);
          setImageProblem(null);
          submit.reset();
        }}
        onMeasured={(w, h) => {
          if (!aspectChosen.current) set("aspect", closestAspect(w, h));
        }}
      />
      <VideoParamsFields
        models={models.models}
        model={model}
        modelsStatus={models.status}
        onModel={(id) => set("model", id)}
        duration={values.duration}
        onDuration={(s) => set("duration", s)}
        aspect={values.aspect}
        onAspect={(a) => {
          aspectChosen.current = true;
          set("aspect", a);
        }}
        errors={errors}
      />
    </StudioForm>
  );
}
