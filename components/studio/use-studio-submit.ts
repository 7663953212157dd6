"use client";

import { useRef } from "react";
import type { GenerationView } from "@/lib/generations/view";
import type { GenerationSubmission, SubmissionKind } from "./create-request";
import { dismissErrorToast, splitSubmitError, toastError, useDescribeError, type ErrorLike } from "./error-message";
import { focusFirstInvalid } from "./focus-first-invalid";
import { useCreateGeneration } from "./use-create-generation";

type FieldErrors = Partial<Record<string, string>>;
type SubmissionOf<K extends SubmissionKind> = Omit<Extract<GenerationSubmission, { kind: K }>, "kind">;

/** Failures about an input file itself, shown next to the files, where they can be fixed. */
const FILE_ERROR_TYPES = new Set(["unsupported_media_type", "payload_too_large"]);

/** One submit-error toast per form kind: a new failure replaces the last one. */
const toastId = (kind: SubmissionKind) => `submit-error-${kind}`;

/**
 * The submit half every studio form shares: send when the form is valid, otherwise (or
 * when the server refuses a field) put the messages next to their fields and focus the
 * first one; a failure about the uploaded files is `fileAlert` (shown beside the files),
 * and whatever else belongs to no field is a toast.
 */
export function useStudioSubmit<K extends SubmissionKind>(
  kind: K,
  { onCreated, shownFields, setServerErrors }: { onCreated: (g: GenerationView) => void; shownFields: readonly string[]; setServerErrors: (errors: FieldErrors) => void },
) {
  const create = useCreateGeneration(kind, { onCreated });
  const formRef = useRef<HTMLFormElement>(null);
  const describeError = useDescribeError();
  const { alert } = splitSubmitError(create.error, shownFields);
  const fileAlert: ErrorLike | null = isFileAlert(kind, alert) ? alert : null;

  /** `submission` is null when the form's own check failed. */
  function send(submission: SubmissionOf<K> | null): void {
    dismissErrorToast(toastId(kind));
    if (!submission) {
      create.reset();
      focusFirstInvalid(formRef.current);
      return;
    }
    create.submit(submission, {
      onError: (error) => {
        const split = splitSubmitError(error, shownFields);
        setServerErrors(split.fields);
        if (split.alert && !isFileAlert(kind, split.alert)) toastError(describeError(split.alert), toastId(kind));
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return { formRef, send, pending: create.isPending, reset: create.reset, fileAlert };
}

function isFileAlert(kind: SubmissionKind, alert: ErrorLike | null): alert is ErrorLike {
  return kind !== "image" && alert !== null && FILE_ERROR_TYPES.has(alert.type);
}

export type StudioSubmit = ReturnType<typeof useStudioSubmit>;
