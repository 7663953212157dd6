import clsx from "clsx";
import { useTranslations } from "next-intl";
import type { DailyUsageView } from "@/lib/usage/views";
import { useFormat } from "@/lib/format/use-format";

/** Fixed class names (not built from strings) so Tailwind keeps them. */
const COLORS = ["bg-violet-500", "bg-sky-500", "bg-emerald-500", "bg-amber-500", "bg-rose-500", "bg-cyan-500", "bg-lime-500", "bg-fuchsia-500"] as const;

interface Series {
  key: string;
  label: string;
  color: string;
  total: number;
}

function buildSeries(daily: DailyUsageView, kindLabel: (kind: DailyUsageView["rows"][number]["kind"]) => string): Series[] {
  const totals = new Map<string, { label: string; total: number }>();
  for (const r of daily.rows) {
    const key = `${r.model}|${r.kind}`;
    const entry = totals.get(key) ?? { label: `${r.model} · ${kindLabel(r.kind)}`, total: 0 };
    entry.total += r.settled + r.held;
    totals.set(key, entry);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .map(([key, v], i) => ({ key, label: v.label, total: v.total, color: COLORS[i % COLORS.length]! }));
}

/** A y-axis top that reads well: 1, 2, 5 × 10^n at or above the tallest day. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= value) ?? 10 * magnitude);
}

/**
 * Daily spend as stacked bars (plain divs; no chart library), one colour per model and
 * kind; the lighter part of a segment is still on hold. Each day's column has a tooltip
 * and the figure as a whole a text summary for screen readers.
 */
export function UsageChart({ daily }: { daily: DailyUsageView }) {
  const t = useTranslations("usage");
  const { formatCreditNumber, formatCredits, formatUtcDay: formatDay } = useFormat();
  const series = buildSeries(daily, (kind) => t(`kind.${kind}`));
  const byDay = new Map<string, { key: string; settled: number; held: number }[]>();
  for (const r of daily.rows) {
    const list = byDay.get(r.day) ?? [];
    list.push({ key: `${r.model}|${r.kind}`, settled: r.settled, held: r.held });
    byDay.set(r.day, list);
  }
  const dayTotal = (day: string) => (byDay.get(day) ?? []).reduce((s, r) => s + r.settled + r.held, 0);
  const total = daily.days.reduce((s, d) => s + dayTotal(d), 0);
  const top = niceMax(Math.max(0, ...daily.days.map(dayTotal)));
  const order = new Map(series.map((s, i) => [s.key, i]));
  const color = new Map(series.map((s) => [s.key, s.color]));
  const label = new Map(series.map((s) => [s.key, s.label]));
  const first = daily.days[0];
  const last = daily.days[daily.days.length - 1];

  if (total === 0) {
    return <p className="py-10 text-center text-sm text-zinc-600 dark:text-zinc-400">{t("chart.empty", { days: daily.days.length })}</p>;
  }

  return (
    <figure>
      <div
        role="img"
        aria-label={t("chart.label", {
          total: formatCredits(total),
          from: first ? formatDay(first) : "",
          to: last ? formatDay(last) : "",
          series: series.map((s) => `${s.label} ${formatCredits(s.total)}`).join(", "),
        })}
        className="relative"
      >
        <div className="relative ml-10 h-48">
          {[top, top / 2, 0].map((v, i) => (
            <div key={v} aria-hidden className="pointer-events-none absolute inset-x-0 flex items-center" style={{ top: `${i * 50}%` }}>
              <span className="absolute -left-10 w-8 text-right text-[11px] tabular-nums text-zinc-600 dark:text-zinc-400">{formatCreditNumber(v)}</span>
              <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            </div>
          ))}
          <div className="relative flex h-full items-end gap-[3px]">
            {daily.days.map((day) => {
              const rows = [...(byDay.get(day) ?? [])].sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
              const sum = dayTotal(day);
              const title = `${t("chart.dayTitle", { day: formatDay(day, true), total: formatCredits(sum) })}${rows.map((r) => `\n${label.get(r.key)}: ${formatCreditNumber(r.settled + r.held)}${r.held ? ` (${t("chart.onHold", { amount: formatCreditNumber(r.held) })})` : ""}`).join("")}`;
              return (
                <div key={day} title={title} data-day={day} className="flex h-full min-w-0 flex-1 flex-col-reverse rounded-t-sm hover:bg-zinc-500/10">
                  {rows.map((r) => (
                    <div key={r.key} className="flex flex-col-reverse" style={{ height: `${((r.settled + r.held) / top) * 100}%` }}>
                      <div className={clsx(color.get(r.key), "min-h-px")} style={{ height: `${(r.settled / (r.settled + r.held || 1)) * 100}%` }} />
                      {r.held > 0 ? <div className={clsx(color.get(r.key), "min-h-px opacity-40")} style={{ height: `${(r.held / (r.settled + r.held)) * 100}%` }} /> : null}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
        <div className="ml-10 mt-1.5 flex justify-between text-[11px] text-zinc-600 dark:text-zinc-400" aria-hidden>
          {daily.days
            .filter((_, i) => i % 7 === (daily.days.length - 1) % 7)
            .map((day) => (
              <span key={day}>{formatDay(day)}</span>
            ))}
        </div>
      </div>
      <figcaption className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-xs text-zinc-700 dark:text-zinc-300">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden className={clsx("h-2.5 w-2.5 rounded-sm", s.color)} />
            {s.label}
            <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{formatCreditNumber(s.total)}</span>
          </span>
        ))}
        <span className="text-zinc-600 dark:text-zinc-400">{t("chart.legendNote")}</span>
      </figcaption>
    </figure>
  );
}
