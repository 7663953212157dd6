"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useServerText } from "@/components/studio/use-server-text";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/lib/format/use-format";
import type { LedgerEntryView, LedgerPageView } from "@/lib/usage/views";
import { useLedger } from "./use-usage";

const STATUS_STYLE: Record<LedgerEntryView["status"], string> = {
  settled: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-200 dark:ring-emerald-900",
  held: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-200 dark:ring-amber-900",
  released: "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
};

function StatusBadge({ status }: { status: LedgerEntryView["status"] }) {
  const t = useTranslations("usage.status");
  return <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", STATUS_STYLE[status])}>{t(status)}</span>;
}

function GenerationLink({ id }: { id: string | null }) {
  const t = useTranslations("usage.table");
  if (!id) return <span className="text-zinc-600 dark:text-zinc-400">{t("deleted")}</span>;
  return (
    <Link href={`/gallery?open=${encodeURIComponent(id)}`} className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">
      {t("open")}
    </Link>
  );
}

/** Every ledger row, newest first, a page at a time. Released rows are shown struck through: they cost nothing. */
export function LedgerTable({ initialPage }: { initialPage?: LedgerPageView }) {
  const t = useTranslations("usage");
  const { formatCreditNumber, formatUtcDateTime } = useFormat();
  const { errorText } = useServerText();
  const ledger = useLedger(initialPage);
  const items = ledger.data?.pages.flatMap((p) => p.items) ?? [];

  if (ledger.isPending) return <p className="py-6 text-sm text-zinc-600 dark:text-zinc-400">{t("table.loading")}</p>;
  if (ledger.isError && items.length === 0) return <p className="py-6 text-sm text-red-700 dark:text-red-300">{errorText(ledger.error, ledger.error.message)}</p>;
  if (items.length === 0) {
    return <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">{t("table.empty")}</p>;
  }

  return (
    <div>
      {/* Phones: one compact item per row instead of a table that scrolls sideways. */}
      <ul className="divide-y divide-zinc-100 sm:hidden dark:divide-zinc-800/70" aria-label={t("table.caption")}>
        {items.map((e) => (
          <li key={e.id} data-testid="ledger-row" className="py-3">
            <div className="flex items-baseline justify-between gap-3">
              <span className="min-w-0 truncate text-sm">
                {t(`kind.${e.kind}`)} <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{e.model}</span>
              </span>
              <span className={clsx("text-sm font-medium tabular-nums", e.status === "released" && "text-zinc-500 line-through dark:text-zinc-400")}>
                {formatCreditNumber(e.credits)}
              </span>
            </div>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-2.5 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
              <span className="tabular-nums">{formatUtcDateTime(e.createdAt)}</span>
              <StatusBadge status={e.status} />
              <span>{t(`source.${e.source}`)}</span>
              <span className="ml-auto">
                <GenerationLink id={e.generationId} />
              </span>
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[640px] text-left text-sm">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">{t("table.date")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.kind")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.model")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.credits")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.status")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.source")}</th>
              <th scope="col" className="py-2 pl-3 font-medium">{t("table.generation")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {items.map((e) => (
              <tr key={e.id} data-testid="ledger-row">
                <td className="py-2.5 pr-3 whitespace-nowrap text-zinc-700 tabular-nums dark:text-zinc-300">{formatUtcDateTime(e.createdAt)}</td>
                <td className="px-3 py-2.5">{t(`kind.${e.kind}`)}</td>
                <td className="px-3 py-2.5 font-mono text-xs">{e.model}</td>
                <td className={clsx("px-3 py-2.5 text-right font-medium tabular-nums", e.status === "released" && "text-zinc-500 line-through dark:text-zinc-400")}>
                  {formatCreditNumber(e.credits)}
                </td>
                <td className="px-3 py-2.5">
                  <StatusBadge status={e.status} />
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap text-zinc-600 dark:text-zinc-400">{t(`source.${e.source}`)}</td>
                <td className="py-2.5 pl-3">
                  <GenerationLink id={e.generationId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ledger.hasNextPage ? (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={() => void ledger.fetchNextPage()} disabled={ledger.isFetchingNextPage} aria-busy={ledger.isFetchingNextPage}>
            {ledger.isFetchingNextPage ? t("table.loading") : t("table.loadMore")}
          </Button>
        </div>
      ) : null}
      {ledger.isFetchNextPageError ? <p className="mt-2 text-center text-sm text-red-700 dark:text-red-300">{errorText(ledger.error, ledger.error?.message ?? "")}</p> : null}
    </div>
  );
}
