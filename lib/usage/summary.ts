import "server-only";
import { dailyUsage, sumUsage } from "@/lib/db/queries/usage";
import { getBudget } from "./budget";
import { milliToCredits } from "./format";
import { periodAt, startOfUtcDay } from "./period";
import type { DailyUsageView, SpendView, UsageSummaryView } from "./views";

const DAY_MS = 86_400_000;

const spend = (t: { settledMilli: number; heldMilli: number }): SpendView => ({ settled: milliToCredits(t.settledMilli), held: milliToCredits(t.heldMilli) });

/** Totals for today and this calendar month (UTC), and the budget of the current period. */
export async function getUsageSummary({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<UsageSummaryView> {
  const month = periodAt("month", now);
  const [budget, today, monthTotals] = await Promise.all([
    getBudget({ userId, now }),
    sumUsage({ userId, since: startOfUtcDay(now) }),
    sumUsage({ userId, since: month.start, until: month.end }),
  ]);
  return {
    budget: {
      period: budget.period.kind,
      periodStart: budget.period.start.toISOString(),
      resetsAt: budget.period.end.toISOString(),
      allowance: budget.allowanceMilli === null ? null : milliToCredits(budget.allowanceMilli),
      custom: budget.custom,
      remaining: budget.remainingMilli === null ? null : milliToCredits(budget.remainingMilli),
      ...spend(budget),
    },
    today: spend(today),
    month: spend(monthTotals),
  };
}

/** Spend per UTC day for the last `days` days (today included), by kind and model. */
export async function getDailyUsage({ userId, days, now = new Date() }: { userId: string; days: number; now?: Date }): Promise<DailyUsageView> {
  const first = new Date(startOfUtcDay(now).getTime() - (days - 1) * DAY_MS);
  const rows = await dailyUsage({ userId, since: first });
  const byKey = new Map<string, DailyUsageView["rows"][number]>();
  for (const r of rows) {
    const key = `${r.day}|${r.kind}|${r.model}`;
    const row = byKey.get(key) ?? { day: r.day, kind: r.kind, model: r.model, settled: 0, held: 0 };
    row[r.status] += milliToCredits(r.milli);
    byKey.set(key, row);
  }
  return {
    days: Array.from({ length: days }, (_, i) => new Date(first.getTime() + i * DAY_MS).toISOString().slice(0, 10)),
    rows: [...byKey.values()],
  };
}
