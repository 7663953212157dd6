import clsx from "clsx";
import type { ReactNode } from "react";

/** Shared look of text-like controls, so selects, textareas and inputs line up. */
export function fieldClasses(invalid: boolean): string {
  return clsx(
    "rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500",
    invalid ? "border-red-500 dark:border-red-500" : "border-zinc-300 dark:border-zinc-700",
  );
}

export function describedBy(id: string, { hint, error }: { hint?: ReactNode; error?: string }): string | undefined {
  return [hint && !error ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The hint, replaced by the error when there is one; `aside` sits on the right (e.g. a counter). */
export function FieldMessages({ id, hint, error, aside }: { id: string; hint?: ReactNode; error?: string; aside?: ReactNode }) {
  if (!hint && !error && !aside) return null;
  return (
    <div className="flex items-start justify-between gap-3">
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : (
        <span />
      )}
      {aside}
    </div>
  );
}

/** A control under its label, in the column every field uses. */
export function FieldFrame({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={clsx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {children}
    </div>
  );
}
