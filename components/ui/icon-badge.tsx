import clsx from "clsx";
import type { ReactNode } from "react";

/** The round icon that heads an empty state. Decorative: the heading beside it says it all. */
export function IconBadge({ tone = "accent", className, children }: { tone?: "accent" | "muted"; className?: string; children: ReactNode }) {
  return (
    <span
      aria-hidden
      className={clsx(
        "flex h-12 w-12 items-center justify-center rounded-full",
        tone === "accent" ? "bg-accent-50 text-accent-600 dark:bg-accent-700/20 dark:text-accent-400" : "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400",
        className,
      )}
    >
      {children}
    </span>
  );
}
