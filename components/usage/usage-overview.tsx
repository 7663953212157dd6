import clsx from "clsx";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/lib/format/use-format";
import type { SpendView, UsageSummaryView } from "@/lib/usage/views";

/** The three headline cards: what is left of the allowance, today's spend, this month's. */
export function UsageOverview({ summary }: { summary: UsageSummaryView }) {
  const t = useTranslations("usage.overview");
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
      <BudgetCard summary={summary} />
      <SpendCard title={t("today")} spend={summary.today} />
      <SpendCard title={t("thisMonth")} spend={summary.month} />
    </div>
  );
}

function BudgetCard({ summary }: { summary: UsageSummaryView }) {
  const t = useTranslations("usage.overview");
  const tb = useTranslations("budget.period");
  const { formatCreditNumber, formatCredits, formatUtcDay } = useFormat();
  const { budget } = summary;
  const heading = t("left", { period: tb(budget.period) });
  if (budget.allowance === null || budget.remaining === null) {
    return (
      <Card className="col-span-2 p-5 md:col-span-1">
        <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{heading}</h2>
        <p className="mt-2 text-3xl font-semibold tracking-tight">{t("noLimit")}</p>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("noAllowance")}</p>
      </Card>
    );
  }
  const { allowance, remaining, settled, held } = budget;
  const pct = (n: number) => (allowance > 0 ? Math.min(100, (n / allowance) * 100) : 0);
  const low = allowance > 0 && remaining / allowance < 0.1;
  return (
    <Card className="col-span-2 p-5 md:col-span-1" data-testid="budget-card">
      <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{heading}</h2>
      <p className={clsx("mt-2 text-3xl font-semibold tracking-tight tabular-nums", low && "text-amber-700 dark:text-amber-400")}>
        {formatCreditNumber(remaining)}
        <span className="ml-1.5 text-base font-normal text-zinc-600 dark:text-zinc-400">{t("of", { allowance: formatCredits(allowance) })}</span>
      </p>
      <div
        role="progressbar"
        aria-label={t("allowanceUsed")}
        aria-valuemin={0}
        aria-valuemax={allowance}
        aria-valuenow={Math.min(allowance, settled + held)}
        aria-valuetext={t("usedOf", { used: formatCredits(settled + held), allowance: formatCredits(allowance) })}
        className="mt-3 flex h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="bg-accent-600" style={{ width: `${pct(settled)}%` }} />
        <div className="bg-accent-400/60" style={{ width: `${Math.max(0, Math.min(100 - pct(settled), pct(held)))}%` }} />
      </div>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {budget.custom ? t("custom") : ""}
        {t("resets", { day: formatUtcDay(budget.resetsAt, true) })}
      </p>
    </Card>
  );
}

function SpendCard({ title, spend }: { title: string; spend: SpendView }) {
  const t = useTranslations("usage.overview");
  const { formatCreditNumber, formatCredits } = useFormat();
  return (
    <Card className="p-5">
      <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{title}</h2>
      <p className="mt-2 text-3xl font-semibold tracking-tight tabular-nums">
        {formatCreditNumber(spend.settled)}
        <span className="block text-sm font-normal tracking-normal text-zinc-600 sm:ml-1.5 sm:inline sm:text-base dark:text-zinc-400">
          {t("charged", { count: spend.settled })}
        </span>
      </p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {spend.held > 0 ? t("onHold", { amount: formatCredits(spend.held) }) : t("nothingOnHold")}
      </p>
    </Card>
  );
}
