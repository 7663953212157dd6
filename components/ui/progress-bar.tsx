import clsx from "clsx";

/**
 * A labelled progress bar. `active` makes the filled part pulse, so a bar that has not moved
 * yet (a synchronous render reports no progress until it is done) still reads as working.
 */
export function ProgressBar({ value, label, active = false, className }: { value: number; label: string; active?: boolean; className?: string }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className={clsx("h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800", className)}
    >
      <div
        className={clsx("h-full rounded-full bg-accent-500 transition-[width] duration-700 ease-out", active && "animate-pulse motion-reduce:animate-none")}
        style={{ width: `${Math.max(clamped, 4)}%` }}
      />
    </div>
  );
}
