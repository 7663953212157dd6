import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { InsufficientCreditsNotice } from "@/components/usage/insufficient-credits-notice";
import { requireUser } from "@/lib/auth/session";
import { listLedger } from "@/lib/usage/ledger";
import { getDailyUsage, getUsageSummary } from "@/lib/usage/summary";
import { CHART_DAYS, LEDGER_PAGE_SIZE } from "@/lib/usage/views";
import { UsagePageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("usage"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsagePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/usage");
  const { reason } = await searchParams;
  const t = await getTranslations("usage");
  // First paint from the database directly; the client keeps it fresh through the API.
  const [summary, daily, ledger] = await Promise.all([
    getUsageSummary({ userId: user.id }),
    getDailyUsage({ userId: user.id, days: CHART_DAYS }),
    listLedger({ userId: user.id, query: { limit: LEDGER_PAGE_SIZE } }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <a
          href="/api/usage/export.csv"
          download
          className="inline-flex h-10 items-center justify-center rounded-md border border-zinc-300 bg-white px-4 text-sm font-medium text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          {t("exportCsv")}
        </a>
      </PageHeader>
      {reason === "insufficient_credits" ? (
        <div className="mb-6">
          <InsufficientCreditsNotice />
        </div>
      ) : null}
      <UsagePageClient initial={{ summary, daily, ledger }} />
    </>
  );
}
