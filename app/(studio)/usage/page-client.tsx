"use client";

import { useTranslations } from "next-intl";
import { useUsageSummary } from "@/components/studio/use-usage-summary";
import { Card } from "@/components/ui/card";
import { LedgerTable } from "@/components/usage/ledger-table";
import { UsageChart } from "@/components/usage/usage-chart";
import { UsageOverview } from "@/components/usage/usage-overview";
import { useDailyUsage } from "@/components/usage/use-usage";
import { CHART_DAYS, type DailyUsageView, type LedgerPageView, type UsageSummaryView } from "@/lib/usage/views";

export function UsagePageClient({ initial }: { initial: { summary: UsageSummaryView; daily: DailyUsageView; ledger: LedgerPageView } }) {
  const t = useTranslations("usage");
  const summary = useUsageSummary(initial.summary);
  const daily = useDailyUsage(CHART_DAYS, initial.daily);
  return (
    <div className="flex flex-col gap-6">
      <UsageOverview summary={summary.data ?? initial.summary} />
      <Card className="p-5">
        <h2 className="mb-4 text-base font-semibold">{t("lastDays", { days: CHART_DAYS })}</h2>
        <UsageChart daily={daily.data ?? initial.daily} />
      </Card>
      <Card className="p-5">
        <h2 className="mb-3 text-base font-semibold">{t("ledger")}</h2>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("ledgerIntro")}</p>
        <LedgerTable initialPage={initial.ledger} />
      </Card>
    </div>
  );
}
