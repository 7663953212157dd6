"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useFormat } from "@/lib/format/use-format";
import type { UsageSummaryView } from "@/lib/usage/views";
import { useUsageSummary } from "./use-usage-summary";

/**
 * What is left of the user's allowance: a compact link in the header, or a line next to a
 * submit button that warns before a submit the budget can't cover (`need`: the estimate).
 */
export function BudgetHint({ variant = "inline", need = null, className }: { variant?: "inline" | "header"; need?: number | null; className?: string }) {
  const t = useTranslations("budget");
  const f = useFormat();
  const { data } = useUsageSummary();
  if (variant === "header") return <HeaderHint summary={data} className={className} />;
  if (!data) return <p className={clsx("h-5 text-xs", className)} aria-hidden />;
  const { budget } = data;
  if (budget.remaining === null) {
    return <p className={clsx("text-center text-xs text-zinc-600 dark:text-zinc-400", className)}>{t("noLimit")}</p>;
  }
  const short = need !== null && need > budget.remaining;
  const period = t(`period.${budget.period}`);
  return (
    <p
      data-testid="budget-hint"
      aria-live="polite"
      className={clsx("text-center text-xs", short ? "font-medium text-amber-700 dark:text-amber-400" : "text-zinc-600 dark:text-zinc-400", className)}
    >
      {short
        ? t("short", { need: f.formatCredits(need), left: f.formatCredits(budget.remaining), period })
        : t("left", { remaining: f.formatCreditNumber(budget.remaining), allowance: f.formatCredits(budget.allowance ?? 0), period })}{" "}
      <Link href="/usage" className="underline underline-offset-2 hover:no-underline">
        {short ? t("resets", { day: f.formatUtcDay(budget.resetsAt) }) : t("seeUsage")}
      </Link>
    </p>
  );
}

function HeaderHint({ summary, className }: { summary: UsageSummaryView | undefined; className?: string }) {
  const t = useTranslations("budget");
  const f = useFormat();
  if (!summary || summary.budget.remaining === null) return null;
  const { remaining, allowance, period, resetsAt } = summary.budget;
  const low = allowance !== null && allowance > 0 && remaining / allowance < 0.1;
  const amount = f.formatCreditNumber(remaining);
  return (
    <Link
      href="/usage"
      data-testid="header-budget"
      title={t("headerTitle", { remaining: f.formatCredits(remaining), allowance: f.formatCredits(allowance ?? 0), period: t(`period.${period}`), day: f.formatUtcDay(resetsAt) })}
      className={clsx(
        "inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-xs font-medium tabular-nums transition-colors",
        low
          ? "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-200"
          : "border-zinc-200 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-800",
        className,
      )}
    >
      <span aria-hidden className={clsx("h-1.5 w-1.5 rounded-full", low ? "bg-amber-500" : "bg-emerald-500")} />
      {/* Phones get the short form ("478.6 credits"): a bare number in the header meant nothing. */}
      <span className="sm:hidden">{t("headerShort", { amount })}</span>
      <span className="hidden sm:inline">{t("headerLong", { amount })}</span>
    </Link>
  );
}
