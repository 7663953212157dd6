import clsx from "clsx";
import { useId, type SelectHTMLAttributes } from "react";
import { fieldClasses, FieldMessages, describedBy } from "./field-parts";

/** A labelled native select (keyboard, screen readers and phones all work out of the box). */
export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  return (
    <div className={clsx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <div className="relative">
        <select
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
          className={clsx(fieldClasses(Boolean(error)), "h-10 w-full appearance-none pr-9 disabled:opacity-60")}
          {...props}
        >
          {children}
        </select>
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute top-1/2 right-3 h-4 w-4 -translate-y-1/2 text-zinc-500">
          <path fillRule="evenodd" d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" clipRule="evenodd" />
        </svg>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
