import clsx from "clsx";
import { Card } from "@/components/ui/card";
import { formatCreditNumber, formatCredits, formatUtcDay } from "@/lib/format";
import { periodNoun } from "@/lib/usage/format";
import type { SpendView, UsageSummaryView } from "@/lib/usage/views";

/** The three headline cards: what is left of the allowance, today's spend, this month's. */
export function UsageOverview({ summary }: { summary: UsageSummaryView }) {
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
      <BudgetCard summary={summary} />
      <SpendCard title="Today" spend={summary.today} />
      <SpendCard title="This month" spend={summary.month} />
    </div>
  );
}

function BudgetCard({ summary }: { summary: UsageSummaryView }) {
  const { budget } = summary;
  const heading = `Left ${periodNoun(budget.period)}`;
  if (budget.allowance === null || budget.remaining === null) {
    return (
      <Card className="col-span-2 p-5 md:col-span-1">
        <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{heading}</h2>
        <p className="mt-2 text-3xl font-semibold tracking-tight">No limit</p>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Your account has no credit allowance.</p>
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
        <span className="ml-1.5 text-base font-normal text-zinc-500 dark:text-zinc-400">of {formatCredits(allowance)}</span>
      </p>
      <div
        role="progressbar"
        aria-label="Allowance used"
        aria-valuemin={0}
        aria-valuemax={allowance}
        aria-valuenow={Math.min(allowance, settled + held)}
        aria-valuetext={`${formatCredits(settled + held)} of ${formatCredits(allowance)} used`}
        className="mt-3 flex h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="bg-accent-600" style={{ width: `${pct(settled)}%` }} />
        <div className="bg-accent-400/60" style={{ width: `${Math.max(0, Math.min(100 - pct(settled), pct(held)))}%` }} />
      </div>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {budget.custom ? "Your own allowance, set by an administrator. " : ""}Resets {formatUtcDay(budget.resetsAt, true)} (UTC).
      </p>
    </Card>
  );
}

function SpendCard({ title, spend }: { title: string; spend: SpendView }) {
  return (
    <Card className="p-5">
      <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{title}</h2>
      <p className="mt-2 text-3xl font-semibold tracking-tight tabular-nums">
        {formatCreditNumber(spend.settled)}
        <span className="block text-sm font-normal tracking-normal text-zinc-500 sm:ml-1.5 sm:inline sm:text-base dark:text-zinc-400">
          {spend.settled === 1 ? "credit" : "credits"} charged
        </span>
      </p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {spend.held > 0 ? `${formatCredits(spend.held)} on hold for generations still running.` : "Nothing on hold."}
      </p>
    </Card>
  );
}
