"use client";

import { XIcon } from "lucide-react";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ModelView } from "@/lib/generations/view";
import { useId } from "react";
import { CUSTOM_SIZE_MAX, CUSTOM_SIZE_MIN, CUSTOM_SIZE_STEP, N_MAX, QUALITIES, SIZE_PRESETS } from "@/lib/validation/generation";
import type { FieldErrors, ImageFormValues, Quality, SizeChoice } from "./image-form";
import { ModelSelect } from "./model-select";

const SIZE_LABELS: Record<SizeChoice, string> = {
  auto: "Auto (model decides)",
  "1024x1024": "1024 × 1024 · Square",
  "1536x1024": "1536 × 1024 · Landscape",
  "1024x1536": "1024 × 1536 · Portrait",
  "2048x2048": "2048 × 2048 · Square 2K",
  custom: "Custom…",
};

const QUALITY_LABELS: Record<Quality, string> = { auto: "Auto", low: "Low", medium: "Medium", high: "High" };
const COUNT_OPTIONS = Array.from({ length: N_MAX }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

/** Model, count, size and quality: the parameters Generate and Edit share. */
export function ImageParamsFields({
  values,
  set,
  errors,
  models,
  model,
  modelsStatus,
}: {
  values: ImageFormValues;
  set: <K extends keyof ImageFormValues>(field: K, value: ImageFormValues[K]) => void;
  errors: FieldErrors;
  models: ModelView[];
  /** The model in effect (the chosen one, or the default). */
  model: string;
  modelsStatus: "pending" | "error" | "success";
}) {
  const sizeErrorId = useId();
  // A problem with the pair (not one side) marks both inputs and is read out with them.
  const pairInvalid = errors.size && !errors.width && !errors.height ? { "aria-invalid": true, "aria-describedby": sizeErrorId } : {};
  const sideField = (side: "width" | "height") => (
    <TextField
      label={side === "width" ? "Width" : "Height"}
      name={side}
      inputMode="numeric"
      autoComplete="off"
      value={values[side]}
      onChange={(e) => set(side, e.target.value)}
      error={errors[side]}
      {...pairInvalid}
    />
  );
  return (
    <>
      <ModelSelect
        models={models}
        value={model}
        status={modelsStatus}
        onChange={(id) => set("model", id)}
        error={errors.model}
        noneHint="No models are available right now."
        withAliases
      />

      <SegmentedControl
        legend="Number of images"
        name="n"
        options={COUNT_OPTIONS}
        value={String(values.n)}
        onChange={(v) => set("n", Number(v))}
        error={errors.n}
      />

      <div className="flex flex-col gap-3">
        <SelectField
          label="Size"
          name="size"
          value={values.sizeChoice}
          onChange={(e) => set("sizeChoice", e.target.value as SizeChoice)}
          error={values.sizeChoice === "custom" ? undefined : errors.size}
        >
          {[...SIZE_PRESETS, "custom" as const].map((s) => (
            <option key={s} value={s}>
              {SIZE_LABELS[s]}
            </option>
          ))}
        </SelectField>
        {values.sizeChoice === "custom" ? (
          <div className="flex flex-col gap-1.5">
            <div className="grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] items-start gap-2 [&_input[aria-invalid=true]]:border-red-500">
              {sideField("width")}
              <XIcon size={14} aria-hidden className="mt-10 text-zinc-400" />
              {sideField("height")}
            </div>
            {errors.size ? (
              <p id={sizeErrorId} className="text-xs text-red-600 dark:text-red-400">
                {errors.size}
              </p>
            ) : null}
            {!errors.width && !errors.height && !errors.size ? (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                Pixels: {CUSTOM_SIZE_MIN}–{CUSTOM_SIZE_MAX} per side, in steps of {CUSTOM_SIZE_STEP}.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      <SegmentedControl
        legend="Quality"
        name="quality"
        options={QUALITIES.map((q) => ({ value: q, label: QUALITY_LABELS[q] }))}
        value={values.quality}
        onChange={(v) => set("quality", v)}
        error={errors.quality}
      />
    </>
  );
}
