import clsx from "clsx";
import type { ButtonHTMLAttributes, ReactNode } from "react";

const tones = {
  /** On a card or panel. */
  quiet:
    "text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 aria-disabled:cursor-default aria-disabled:opacity-30 aria-disabled:hover:bg-transparent dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
  /** Over a picture. */
  overlay: "bg-black/55 text-white backdrop-blur-sm hover:bg-black/75 disabled:opacity-35 disabled:hover:bg-black/55",
};

/** A square button with only an icon: its label is its accessible name and its tooltip. */
export function IconButton({
  label,
  tooltip = label,
  tone = "quiet",
  size = "md",
  className,
  children,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "aria-label" | "title" | "children"> & {
  label: string;
  /** When the tooltip should say more than the name. */
  tooltip?: string;
  tone?: keyof typeof tones;
  size?: "sm" | "md" | "lg";
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={tooltip}
      className={clsx(
        "inline-flex shrink-0 items-center justify-center rounded-md transition-colors",
        size === "sm" ? "h-7 w-7" : size === "md" ? "h-8 w-8" : "h-9 w-9",
        tones[tone],
        className,
      )}
      {...props}
    >
      {children}
    </button>
  );
}
