import clsx from "clsx";
import { ChevronDownIcon } from "lucide-react";
import { useId, type SelectHTMLAttributes } from "react";
import { describedBy, fieldClasses, FieldFrame, FieldMessages } from "./field-parts";

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
    <FieldFrame id={id} label={label} className={className}>
      <NativeSelect
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        className={clsx(fieldClasses(Boolean(error)), "disabled:opacity-60")}
        {...props}
      >
        {children}
      </NativeSelect>
      <FieldMessages id={id} hint={hint} error={error} />
    </FieldFrame>
  );
}

/** The select itself with its chevron; the caller gives it a label. */
export function NativeSelect({ className, wrapperClassName, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { wrapperClassName?: string }) {
  return (
    <div className={clsx("relative", wrapperClassName)}>
      <select className={clsx("h-10 w-full appearance-none pr-9", className)} {...props} />
      <ChevronDownIcon aria-hidden size={16} className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-zinc-500" />
    </div>
  );
}
