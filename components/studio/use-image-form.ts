"use client";

import { useState } from "react";
import type { ModelView } from "@/lib/generations/view";
import { estimateFor, validateImageForm, type FieldErrors, type ImageFormValues } from "./image-form";
import { findModel } from "./use-models";

/**
 * State of the image form. Errors stay quiet until the first submit, then follow every
 * keystroke so a fixed field clears at once. Server field errors show until the field
 * they belong to is changed.
 */
export function useImageForm(initial: ImageFormValues, { models, defaultId }: { models: ModelView[]; defaultId: string }) {
  const [values, setValues] = useState(initial);
  // The chosen model (a remix may name it by alias), else the default once the list loads.
  const model = findModel(models, values.model)?.id ?? defaultId;
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const check = validateImageForm(values, model);
  const errors: FieldErrors = { ...serverErrors, ...(submitted ? check.errors : {}) };

  function set<K extends keyof ImageFormValues>(field: K, value: ImageFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    const affected = field === "sizeChoice" || field === "width" || field === "height" ? ["size", "width", "height"] : [field];
    setServerErrors((e) => (affected.some((f) => f in e) ? Object.fromEntries(Object.entries(e).filter(([k]) => !affected.includes(k))) : e));
  }

  /** Marks the form submitted and returns the request params when valid. */
  function prepare() {
    setSubmitted(true);
    setServerErrors({});
    return check.data;
  }

  return {
    values,
    model,
    set,
    submitted,
    errors,
    setServerErrors,
    prepare,
    estimate: estimateFor(values, model),
  };
}
