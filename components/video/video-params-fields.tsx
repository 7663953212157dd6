"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ModelSelect } from "@/components/studio/model-select";
import { useFormat } from "@/lib/format/use-format";
import type { ModelView } from "@/lib/generations/view";
import { VIDEO_DURATION_MAX, VIDEO_DURATION_MIN } from "@/lib/validation/generation";
import { ASPECTS, frameOf, type Aspect, type FieldErrors } from "./video-form-state";

/** Model, length and shape of the video. */
export function VideoParamsFields({
  models,
  model,
  modelsStatus,
  onModel,
  duration,
  onDuration,
  aspect,
  onAspect,
  errors,
}: {
  models: ModelView[];
  model: string;
  modelsStatus: "pending" | "error" | "success";
  onModel: (id: string) => void;
  duration: number;
  onDuration: (seconds: number) => void;
  aspect: Aspect;
  onAspect: (aspect: Aspect) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("video.params");
  const { formatDuration } = useFormat();
  const id = useId();
  const durationError = errors.duration ? `${id}-duration-error` : undefined;
  const sizeError = errors.size ? `${id}-size-error` : undefined;
  return (
    <>
      <ModelSelect
        models={models}
        value={model}
        status={modelsStatus}
        onChange={onModel}
        error={errors.model}
        noneHint={t("noModels")}
      />

      <div className="flex flex-col gap-1.5">
        <div className="flex items-baseline justify-between">
          <label htmlFor={`${id}-duration`} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
            {t("duration")}
          </label>
          <output htmlFor={`${id}-duration`} className="text-sm font-semibold text-zinc-900 tabular-nums dark:text-zinc-100">
            {formatDuration(duration)}
          </output>
        </div>
        <input
          id={`${id}-duration`}
          name="duration"
          type="range"
          min={VIDEO_DURATION_MIN}
          max={VIDEO_DURATION_MAX}
          step={1}
          value={duration}
          aria-valuetext={formatDuration(duration)}
          aria-invalid={errors.duration ? true : undefined}
          aria-describedby={durationError}
          onChange={(e) => onDuration(Number(e.target.value))}
          className="h-2 w-full cursor-pointer accent-accent-600"
        />
        <div aria-hidden className="flex justify-between text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          <span>{formatDuration(VIDEO_DURATION_MIN)}</span>
          <span>{formatDuration(VIDEO_DURATION_MAX)}</span>
        </div>
        {errors.duration ? (
          <p id={durationError} className="text-xs text-red-600 dark:text-red-400">
            {errors.duration}
          </p>
        ) : null}
      </div>

      <fieldset className="flex min-w-0 flex-col gap-1.5" aria-describedby={sizeError} aria-invalid={sizeError ? true : undefined}>
        <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("shape")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {ASPECTS.map((value) => {
            const frame = frameOf(value);
            const checked = value === aspect;
            // A little frame drawn at the real ratio says more than the numbers.
            const scale = 28 / Math.max(frame.width, frame.height);
            return (
              <label
                key={value}
                className={clsx(
                  "flex cursor-pointer flex-col items-center gap-1.5 rounded-lg border px-2 py-2.5 text-center transition-colors select-none",
                  "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent-500",
                  checked
                    ? "border-accent-500 bg-accent-50 text-accent-700 dark:border-accent-500 dark:bg-accent-700/20 dark:text-accent-400"
                    : "border-zinc-200 text-zinc-700 hover:border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800/60",
                )}
              >
                <input
                  type="radio"
                  name="aspect"
                  value={value}
                  checked={checked}
                  onChange={() => onAspect(value)}
                  aria-describedby={sizeError}
                  className="sr-only"
                />
                <span className="flex h-8 items-center" aria-hidden>
                  <span className="rounded-[3px] border-2 border-current" style={{ width: frame.width * scale, height: frame.height * scale }} />
                </span>
                <span className="text-sm font-medium">{t(`aspects.${value}`)}</span>
                <span className="-mt-1 text-[11px] whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">
                  {value} · {frame.width}×{frame.height}
                </span>
              </label>
            );
          })}
        </div>
        {errors.size ? (
          <p id={sizeError} className="text-xs text-red-600 dark:text-red-400">
            {errors.size}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
