import clsx from "clsx";
import { useId, type InputHTMLAttributes } from "react";
import { describedBy, FieldFrame, FieldMessages } from "./field-parts";

/** A labelled input with its hint and error wired up through aria-describedby. */
export function TextField({
  label,
  error,
  hint,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} className={className}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        className={clsx(
          "h-10 rounded-md border bg-white px-3 text-sm text-zinc-900 placeholder:text-zinc-400 dark:bg-zinc-900 dark:text-zinc-100",
          error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700",
        )}
        {...props}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </FieldFrame>
  );
}
