"use client";

import clsx from "clsx";
import { UploadIcon } from "lucide-react";
import type { ChangeEvent, ReactNode } from "react";
import { ACCEPTED_TYPES } from "./file-checks";
import type { useFileDrop } from "./use-file-drop";

/**
 * A labelled file input for the studio's input pictures, styled as a drop zone. The field
 * that shows it owns the page-wide drop and paste (`drop`, from useFileDrop), so those keep
 * working while the zone is hidden (an image already chosen, or the list full). `layout` is
 * a tall centred zone (several files) or a one-line row (a single optional file).
 */
export function DropZone({
  inputId,
  inputLabel,
  describedBy,
  invalid = false,
  multiple = false,
  layout,
  roomy = false,
  onFiles,
  drop,
  title,
  hint,
}: {
  inputId: string;
  inputLabel: string;
  describedBy: string;
  invalid?: boolean;
  multiple?: boolean;
  layout: "stack" | "row";
  /** More padding while nothing has been added yet. */
  roomy?: boolean;
  onFiles: (files: File[]) => void;
  drop: ReturnType<typeof useFileDrop>;
  title: (dragging: boolean) => string;
  hint: ReactNode;
}) {
  const { dragging, zoneProps } = drop;
  return (
    <label
      htmlFor={inputId}
      {...zoneProps}
      className={clsx(
        "flex cursor-pointer rounded-lg border-2 border-dashed px-4 transition-colors",
        "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-500",
        layout === "stack" ? clsx("flex-col items-center justify-center gap-1.5 text-center", roomy ? "py-8" : "py-4") : "items-center gap-3 py-3.5",
        dragging
          ? "border-accent-500 bg-accent-50 dark:bg-accent-700/15"
          : invalid
            ? "border-red-400 bg-red-50/40 dark:border-red-700 dark:bg-red-950/20"
            : "border-zinc-300 bg-zinc-50 hover:border-accent-400 hover:bg-accent-50/40 dark:border-zinc-700 dark:bg-zinc-950/40 dark:hover:border-accent-500 dark:hover:bg-accent-700/10",
      )}
    >
      <FileInput id={inputId} label={inputLabel} describedBy={describedBy} invalid={invalid} multiple={multiple} onFiles={onFiles} />
      <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-white text-accent-600 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:text-accent-400 dark:ring-zinc-700">
        <UploadIcon size={18} aria-hidden />
      </span>
      <span className={clsx("flex flex-col", layout === "stack" ? "items-center gap-1.5" : "min-w-0")}>
        <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{title(dragging)}</span>
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>
      </span>
    </label>
  );
}

/** The real (visually hidden) file input; it lets the same file be picked again after a remove. */
export function FileInput({
  id,
  label,
  describedBy,
  invalid,
  multiple = false,
  onFiles,
}: {
  id: string;
  label: string;
  describedBy: string;
  invalid: boolean;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      id={id}
      type="file"
      multiple={multiple}
      accept={ACCEPTED_TYPES.join(",")}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      className="sr-only"
      onChange={(e: ChangeEvent<HTMLInputElement>) => {
        onFiles(Array.from(e.target.files ?? []));
        e.target.value = "";
      }}
    />
  );
}
