"use client";

import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { fileProblem } from "@/components/edit/uploads";
import { ErrorMessage, splitSubmitError } from "@/components/generations/error-message";
import { focusFirstInvalid } from "@/components/generations/focus-first-invalid";
import { ModelsError } from "@/components/generations/models-error";
import { PromptField } from "@/components/generations/prompt-field";
import { SubmitBar } from "@/components/generations/submit-bar";
import { findModel } from "@/components/generations/use-models";
import { Card } from "@/components/ui/card";
import type { GenerationView } from "@/lib/generations/view";
import { StartImageField, type StartImage } from "./start-image-field";
import { useCreateVideo } from "./use-create-video";
import { useVideoModels } from "./use-video-models";
import { closestAspect, estimateVideo, validateVideoForm, type FieldErrors, type VideoFormValues } from "./video-form-state";
import { VideoParamsFields } from "./video-params-fields";

const SHOWN_FIELDS = ["model", "prompt", "duration", "size"] as const;
/** Failures about the file itself show next to the image, where the person can fix them. */
const IMAGE_ERROR_TYPES = new Set(["unsupported_media_type", "payload_too_large"]);

function toStartImage(file: File): StartImage {
  return { file, previewUrl: URL.createObjectURL(file) };
}

/**
 * Text-to-video or image-to-video: a prompt, a model, a length and a shape, and optionally
 * a start image. Errors stay quiet until the first submit, then follow every change.
 */
export function VideoForm({
  initial,
  initialImage,
  remixed = false,
  notice,
  onCreated,
}: {
  initial: VideoFormValues;
  /** A remix brings its own shape, which a start image shouldn't override. */
  remixed?: boolean;
  initialImage: File | null;
  notice?: ReactNode;
  onCreated: (generation: GenerationView) => void;
}) {
  const models = useVideoModels();
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [image, setImage] = useState<StartImage | null>(() => (initialImage && !fileProblem(initialImage) ? toStartImage(initialImage) : null));
  const [imageProblem, setImageProblem] = useState<string | null>(() => (initialImage ? fileProblem(initialImage) : null));
  // Once the person picks a shape, a new image no longer changes it for them.
  const aspectChosen = useRef(remixed);
  const create = useCreateVideo({ onCreated });
  const formRef = useRef<HTMLFormElement>(null);

  const model = findModel(models.models, values.model)?.id ?? models.defaultId;
  const check = validateVideoForm(values, model);
  const errors: FieldErrors = { ...serverErrors, ...(submitted ? check.errors : {}) };
  const { alert } = splitSubmitError(create.error, SHOWN_FIELDS);
  const imageAlert = alert && IMAGE_ERROR_TYPES.has(alert.type) ? alert : null;
  const formAlert = alert && !imageAlert ? alert : null;

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
    create.reset();
    if (!problem) replaceImage(toStartImage(file));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setServerErrors({});
    if (!check.data) {
      create.reset();
      focusFirstInvalid(formRef.current);
      return;
    }
    create.submit(
      { params: check.data, image: image?.file ?? null },
      {
        onError: (error) => {
          setServerErrors(splitSubmitError(error, SHOWN_FIELDS).fields);
          focusFirstInvalid(formRef.current);
        },
      },
    );
  }

  return (
    <Card className="p-5 sm:p-6">
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Generate a video" className="flex flex-col gap-5">
        {notice}
        {models.isError ? <ModelsError onRetry={() => void models.refetch()} /> : null}
        <PromptField
          value={values.prompt}
          onChange={(v) => set("prompt", v)}
          error={errors.prompt}
          placeholder={image ? "The camera slowly pushes in as leaves drift past" : "A paper boat sailing down a rain-soaked street at dusk, cinematic"}
          onSubmitShortcut={() => formRef.current?.requestSubmit()}
        />
        <StartImageField
          image={image}
          problem={imageProblem ?? (imageAlert ? imageAlert.message : null)}
          onPick={pick}
          onRemove={() => {
            replaceImage(null);
            setImageProblem(null);
            create.reset();
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
        {formAlert ? <ErrorMessage error={formAlert} /> : null}
        <SubmitBar estimate={estimateVideo(values, model)} pending={create.isPending} label="Generate video" />
      </form>
    </Card>
  );
}
