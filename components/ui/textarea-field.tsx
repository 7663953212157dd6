import clsx from "clsx";
import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";
import { describedBy, fieldClasses, FieldFrame, FieldMessages } from "./field-parts";

/** A labelled textarea with hint/error wired through aria-describedby and an optional counter. */
export function TextareaField({
  label,
  error,
  hint,
  counter,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: ReactNode; counter?: ReactNode }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} className={className}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy(id, { hint, error }), counter ? `${id}-counter` : null].filter(Boolean).join(" ") || undefined}
        className={clsx(fieldClasses(Boolean(error)), "min-h-28 resize-y py-2 leading-relaxed")}
        {...props}
      />
      <FieldMessages id={id} hint={hint} error={error} aside={counter ? <span id={`${id}-counter`} className="shrink-0 text-xs">{counter}</span> : undefined} />
    </FieldFrame>
  );
}
