"use client";

import clsx from "clsx";
import Link from "next/link";
import { formatCreditNumber, formatCredits, formatUtcDay } from "@/lib/format";
import { periodNoun } from "@/lib/usage/format";
import type { UsageSummaryView } from "@/lib/usage/views";
import { useUsageSummary } from "./use-usage-summary";

/**
 * What is left of the user's allowance: a compact link in the header, or a line next to a
 * submit button that warns before a submit the budget can't cover (`need`: the estimate).
 */
export function BudgetHint({ variant = "inline", need = null, className }: { variant?: "inline" | "header"; need?: number | null; className?: string }) {
  const { data } = useUsageSummary();
  if (variant === "header") return <HeaderHint summary={data} className={className} />;
  if (!data) return <p className={clsx("h-5 text-xs", className)} aria-hidden />;
  const { budget } = data;
  if (budget.remaining === null) {
    return <p className={clsx("text-center text-xs text-zinc-500 dark:text-zinc-400", className)}>No credit limit on your account.</p>;
  }
  const short = need !== null && need > budget.remaining;
  return (
    <p
      data-testid="budget-hint"
      aria-live="polite"
      className={clsx("text-center text-xs", short ? "font-medium text-amber-700 dark:text-amber-400" : "text-zinc-500 dark:text-zinc-400", className)}
    >
      {short
        ? `This needs ${formatCredits(need)}; you have ${formatCredits(budget.remaining)} left ${periodNoun(budget.period)}. `
        : `${formatCreditNumber(budget.remaining)} of ${formatCredits(budget.allowance ?? 0)} left ${periodNoun(budget.period)}. `}
      <Link href="/usage" className="underline underline-offset-2 hover:no-underline">
        {short ? `Resets ${formatUtcDay(budget.resetsAt)}` : "See usage"}
      </Link>
    </p>
  );
}

function HeaderHint({ summary, className }: { summary: UsageSummaryView | undefined; className?: string }) {
  if (!summary || summary.budget.remaining === null) return null;
  const { remaining, allowance, period, resetsAt } = summary.budget;
  const low = allowance !== null && allowance > 0 && remaining / allowance < 0.1;
  return (
    <Link
      href="/usage"
      data-testid="header-budget"
      title={`${formatCredits(remaining)} of ${formatCredits(allowance ?? 0)} left ${periodNoun(period)}; resets ${formatUtcDay(resetsAt)} (UTC)`}
      className={clsx(
        "inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-xs font-medium tabular-nums transition-colors",
        low
          ? "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-200"
          : "border-zinc-200 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-800",
        className,
      )}
    >
      <span aria-hidden className={clsx("h-1.5 w-1.5 rounded-full", low ? "bg-amber-500" : "bg-emerald-500")} />
      <span>
        {formatCreditNumber(remaining)}
        <span className="sr-only sm:not-sr-only"> credits left</span>
      </span>
    </Link>
  );
}
