"use client";

import { useRef } from "react";
import type { GenerationView } from "@/lib/generations/view";
import type { GenerationSubmission, SubmissionKind } from "./create-request";
import { splitSubmitError, type ErrorLike } from "./error-message";
import { focusFirstInvalid } from "./focus-first-invalid";
import { useCreateGeneration } from "./use-create-generation";

type FieldErrors = Partial<Record<string, string>>;
type SubmissionOf<K extends SubmissionKind> = Omit<Extract<GenerationSubmission, { kind: K }>, "kind">;

/** Failures about an input file itself, shown next to the files, where they can be fixed. */
const FILE_ERROR_TYPES = new Set(["unsupported_media_type", "payload_too_large"]);

/**
 * The submit half every studio form shares: send when the form is valid, otherwise (or
 * when the server refuses a field) put the messages next to their fields and focus the
 * first one; whatever belongs to no field is `formAlert` (or `fileAlert`, for a form with
 * file inputs).
 */
export function useStudioSubmit<K extends SubmissionKind>(
  kind: K,
  { onCreated, shownFields, setServerErrors }: { onCreated: (g: GenerationView) => void; shownFields: readonly string[]; setServerErrors: (errors: FieldErrors) => void },
) {
  const create = useCreateGeneration(kind, { onCreated });
  const formRef = useRef<HTMLFormElement>(null);
  const { alert } = splitSubmitError(create.error, shownFields);
  const fileAlert: ErrorLike | null = kind !== "image" && alert && FILE_ERROR_TYPES.has(alert.type) ? alert : null;
  const formAlert = alert && !fileAlert ? alert : null;

  /** `submission` is null when the form's own check failed. */
  function send(submission: SubmissionOf<K> | null): void {
    if (!submission) {
      create.reset();
      focusFirstInvalid(formRef.current);
      return;
    }
    create.submit(submission, {
      onError: (error) => {
        setServerErrors(splitSubmitError(error, shownFields).fields);
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return { formRef, send, pending: create.isPending, reset: create.reset, formAlert, fileAlert };
}

export type StudioSubmit = ReturnType<typeof useStudioSubmit>;
