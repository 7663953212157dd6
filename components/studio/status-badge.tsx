import clsx from "clsx";
import type { GenerationStatus } from "@/lib/generations/view";
import { useTranslations } from "next-intl";

const TONE: Record<GenerationStatus, string> = {
  queued: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  running: "bg-accent-50 text-accent-700 dark:bg-accent-700/25 dark:text-accent-400",
  completed: "bg-emerald-50 text-emerald-700 dark:bg-emerald-900/40 dark:text-emerald-300",
  failed: "bg-red-50 text-red-700 dark:bg-red-950/60 dark:text-red-300",
};

/** A generation's status as a small pill; the same colours as the result cards. */
export function StatusBadge({ status, className }: { status: GenerationStatus; className?: string }) {
  const t = useTranslations("studio.status");
  return <span className={clsx("inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium", TONE[status], className)}>{t(status)}</span>;
}
