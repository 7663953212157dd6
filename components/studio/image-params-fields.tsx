"use client";

import { XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ModelView } from "@/lib/generations/view";
import { useId } from "react";
import { CUSTOM_SIZE_MAX, CUSTOM_SIZE_MIN, CUSTOM_SIZE_STEP, N_MAX, QUALITIES, SIZE_PRESETS } from "@/lib/validation/generation";
import type { FieldErrors, ImageFormValues, Quality, SizeChoice } from "./image-form";
import { ModelSelect } from "./model-select";

const SIZE_CHOICES: readonly SizeChoice[] = [...SIZE_PRESETS, "custom"];
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
  const t = useTranslations("studio");
  const sizeErrorId = useId();
  // A problem with the pair (not one side) marks both inputs and is read out with them.
  const pairInvalid = errors.size && !errors.width && !errors.height ? { "aria-invalid": true, "aria-describedby": sizeErrorId } : {};
  const sideField = (side: "width" | "height") => (
    <TextField
      label={t(`params.${side}`)}
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
        noneHint={t("params.noModels")}
        withAliases
      />

      <SegmentedControl
        legend={t("params.count")}
        name="n"
        options={COUNT_OPTIONS}
        value={String(values.n)}
        onChange={(v) => set("n", Number(v))}
        error={errors.n}
      />

      <div className="flex flex-col gap-3">
        <SelectField
          label={t("params.size")}
          name="size"
          value={values.sizeChoice}
          onChange={(e) => set("sizeChoice", e.target.value as SizeChoice)}
          error={values.sizeChoice === "custom" ? undefined : errors.size}
        >
          {SIZE_CHOICES.map((s) => (
            <option key={s} value={s}>
              {t(`params.sizes.${s}`)}
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
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("params.pixels", { min: CUSTOM_SIZE_MIN, max: CUSTOM_SIZE_MAX, step: CUSTOM_SIZE_STEP })}</p>
            ) : null}
          </div>
        ) : null}
      </div>

      <SegmentedControl
        legend={t("params.quality")}
        name="quality"
        options={QUALITIES.map((q: Quality) => ({ value: q, label: t(`qualityValue.${q}`) }))}
        value={values.quality}
        onChange={(v) => set("quality", v)}
        error={errors.quality}
      />
    </>
  );
}
