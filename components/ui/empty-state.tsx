import clsx from "clsx";
import type { ReactNode } from "react";
import { IconBadge } from "./icon-badge";

const frames = {
  /** Nothing here yet: a dashed outline to fill. */
  dashed: "rounded-xl border border-dashed border-zinc-300 bg-white/60 px-5 py-10 sm:px-10 sm:py-14 dark:border-zinc-700 dark:bg-zinc-900/40",
  /** Something is here, but not for what was asked. */
  card: "rounded-xl border border-zinc-200 bg-white px-6 py-12 dark:border-zinc-800 dark:bg-zinc-900",
};

/** A section that stands in for missing content: a round icon, a heading, then what to do about it. */
export function EmptyState({
  id,
  icon,
  tone,
  title,
  frame,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  icon: ReactNode;
  tone?: "accent" | "muted";
  title: string;
  frame: keyof typeof frames;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={clsx("flex flex-col items-center text-center", frames[frame])}>
      <IconBadge tone={tone}>
        {icon}
      </IconBadge>
      {/* Focusable from script: focus lands here when the last item of a list is deleted. */}
      <h2 id={id} tabIndex={-1} className="mt-4 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
