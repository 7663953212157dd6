import clsx from "clsx";
import Image from "next/image";
import type { ReactNode } from "react";
import type { GenerationView } from "@/lib/generations/view";
import { useTranslations } from "next-intl";
import { isPending } from "@/components/studio/generation-format";
import { useGenerationText } from "@/components/studio/use-generation-text";
import type { Formatter } from "@/lib/format";
import { useFormat } from "@/lib/format/use-format";

type T = ReturnType<typeof useTranslations<"gallery.detail">>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-1.5 text-sm">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-right font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{children}</dd>
    </div>
  );
}

interface Step {
  label: string;
  at: string | null;
  note?: string;
  tone: "done" | "current" | "failed" | "todo";
}

function startedNote(created: string, started: string, t: T, f: Formatter): string {
  const wait = new Date(started).getTime() - new Date(created).getTime();
  return wait < 100 ? t("rightAway") : t("afterQueue", { time: f.formatSeconds(wait) });
}

function steps(g: GenerationView, t: T, f: Formatter): Step[] {
  const since = (from: string | null, to: string | null) => (from && to ? f.formatSeconds(new Date(to).getTime() - new Date(from).getTime()) : undefined);
  const list: Step[] = [{ label: t("steps.created"), at: g.createdAt, tone: "done" }];
  list.push({
    label: t("steps.started"),
    at: g.startedAt,
    note: g.startedAt ? startedNote(g.createdAt, g.startedAt, t, f) : undefined,
    tone: g.startedAt ? "done" : g.status === "queued" ? "current" : "todo",
  });
  if (g.status === "failed") list.push({ label: t("steps.failed"), at: g.completedAt, note: since(g.startedAt ?? g.createdAt, g.completedAt), tone: "failed" });
  else if (g.status === "completed") list.push({ label: t("steps.completed"), at: g.completedAt, note: t("took", { time: since(g.startedAt ?? g.createdAt, g.completedAt) ?? "" }), tone: "done" });
  else list.push({ label: t("steps.completed"), at: null, note: g.status === "running" ? t("inProgress", { progress: g.progress }) : t("waiting"), tone: g.status === "running" ? "current" : "todo" });
  return list;
}

const DOT: Record<Step["tone"], string> = {
  done: "bg-emerald-500",
  current: "bg-accent-500 animate-pulse motion-reduce:animate-none",
  failed: "bg-red-500",
  todo: "bg-zinc-300 dark:bg-zinc-700",
};

/** Created → started → completed or failed, each with its time and how long it took. */
function Timeline({ generation }: { generation: GenerationView }) {
  const t = useTranslations("gallery.detail");
  const f = useFormat();
  return (
    <ol aria-label={t("timelineLabel")} className="relative flex flex-col gap-3 pl-5 before:absolute before:top-1.5 before:bottom-1.5 before:left-[5px] before:w-px before:bg-zinc-200 dark:before:bg-zinc-800">
      {steps(generation, t, f).map((s, i) => (
        <li key={s.label} className="relative text-sm">
          <span aria-hidden className={clsx("absolute top-1.5 -left-5 h-[11px] w-[11px] rounded-full ring-2 ring-white dark:ring-zinc-900", DOT[s.tone])} />
          <span className={clsx("font-medium", s.tone === "failed" ? "text-red-700 dark:text-red-300" : s.tone === "todo" ? "text-zinc-600 dark:text-zinc-400" : "text-zinc-900 dark:text-zinc-100")}>
            {s.label}
          </span>
          {s.at ? (
            <time dateTime={s.at} className="ml-2 text-zinc-600 tabular-nums dark:text-zinc-400">
              {i === 0 ? f.formatDateTime(s.at) : f.formatTime(s.at)}
            </time>
          ) : null}
          {s.note ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{s.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

function creditsCharged(g: GenerationView, t: T, f: Formatter): string {
  if (g.status === "failed") return t("notCharged");
  if (isPending(g)) return t("whenFinished");
  return f.formatCredits(g.credits.cost ?? g.credits.estimated);
}

/** Everything about a generation besides the media (which also carries its error): parameters, timeline, credits, inputs. */
export function DetailFacts({ generation: g }: { generation: GenerationView }) {
  const t = useTranslations("gallery.detail");
  const f = useFormat();
  const { parameterRows } = useGenerationText();
  const output = g.outputs[0];
  return (
    <div className="flex flex-col gap-6">
      <Section title={t("parameters")}>
        <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {parameterRows(g).map((r) => (
            <Row key={r.label} label={r.label}>
              {r.value}
            </Row>
          ))}
          {output ? (
            <Row label={t("output")}>
              {output.width} × {output.height}
              {output.durationMs ? `, ${f.formatSeconds(output.durationMs)}` : ""}, {f.formatBytes(g.outputs.reduce((n, o) => n + o.bytes, 0))}
            </Row>
          ) : null}
        </dl>
      </Section>

      <Section title={t("timeline")}>
        <Timeline generation={g} />
      </Section>

      <Section title={t("credits")}>
        <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
          <Row label={t("estimated")}>{f.formatCredits(g.credits.estimated)}</Row>
          <Row label={t("charged")}>{creditsCharged(g, t, f)}</Row>
        </dl>
      </Section>

      {g.inputs.length ? (
        <Section title={g.inputs.length === 1 ? t("inputImage") : t("inputImages")}>
          <ul className="flex flex-wrap gap-2">
            {g.inputs.map((m, i) => (
              <li key={m.id}>
                <a href={m.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800" aria-label={t("openInput", { index: i + 1 })}>
                  <Image src={m.thumbUrl} alt={t("inputAlt", { index: i + 1 })} width={m.width} height={m.height} unoptimized className="h-20 w-auto object-cover" style={{ aspectRatio: `${m.width} / ${m.height}` }} />
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
