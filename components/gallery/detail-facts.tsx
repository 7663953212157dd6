import clsx from "clsx";
import Image from "next/image";
import type { ReactNode } from "react";
import type { GenerationView } from "@/lib/generations/view";
import { isPending, parameterRows } from "@/components/studio/generation-format";
import { formatBytes, formatCredits, formatDateTime, formatSeconds, formatTime } from "@/lib/format";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-1.5 text-sm">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
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

function startedNote(created: string, started: string): string {
  const wait = new Date(started).getTime() - new Date(created).getTime();
  return wait < 100 ? "right away" : `after ${formatSeconds(wait)} in the queue`;
}

function steps(g: GenerationView): Step[] {
  const since = (from: string | null, to: string | null) => (from && to ? formatSeconds(new Date(to).getTime() - new Date(from).getTime()) : undefined);
  const list: Step[] = [{ label: "Created", at: g.createdAt, tone: "done" }];
  list.push({
    label: "Started",
    at: g.startedAt,
    note: g.startedAt ? startedNote(g.createdAt, g.startedAt) : undefined,
    tone: g.startedAt ? "done" : g.status === "queued" ? "current" : "todo",
  });
  if (g.status === "failed") list.push({ label: "Failed", at: g.completedAt, note: since(g.startedAt ?? g.createdAt, g.completedAt), tone: "failed" });
  else if (g.status === "completed") list.push({ label: "Completed", at: g.completedAt, note: `took ${since(g.startedAt ?? g.createdAt, g.completedAt)}`, tone: "done" });
  else list.push({ label: "Completed", at: null, note: g.status === "running" ? `in progress, ${g.progress}%` : "waiting", tone: g.status === "running" ? "current" : "todo" });
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
  return (
    <ol aria-label="Status timeline" className="relative flex flex-col gap-3 pl-5 before:absolute before:top-1.5 before:bottom-1.5 before:left-[5px] before:w-px before:bg-zinc-200 dark:before:bg-zinc-800">
      {steps(generation).map((s, i) => (
        <li key={s.label} className="relative text-sm">
          <span aria-hidden className={clsx("absolute top-1.5 -left-5 h-[11px] w-[11px] rounded-full ring-2 ring-white dark:ring-zinc-900", DOT[s.tone])} />
          <span className={clsx("font-medium", s.tone === "failed" ? "text-red-700 dark:text-red-300" : s.tone === "todo" ? "text-zinc-400 dark:text-zinc-500" : "text-zinc-900 dark:text-zinc-100")}>
            {s.label}
          </span>
          {s.at ? (
            <time dateTime={s.at} className="ml-2 text-zinc-500 tabular-nums dark:text-zinc-400">
              {i === 0 ? formatDateTime(s.at) : formatTime(s.at)}
            </time>
          ) : null}
          {s.note ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{s.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

function creditsCharged(g: GenerationView): string {
  if (g.status === "failed") return "Not charged";
  if (isPending(g)) return "When it finishes";
  return formatCredits(g.credits.cost ?? g.credits.estimated);
}

/** Everything about a generation besides the media (which also carries its error): parameters, timeline, credits, inputs. */
export function DetailFacts({ generation: g }: { generation: GenerationView }) {
  const output = g.outputs[0];
  return (
    <div className="flex flex-col gap-6">
      <Section title="Parameters">
        <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {parameterRows(g).map((r) => (
            <Row key={r.label} label={r.label}>
              {r.value}
            </Row>
          ))}
          {output ? (
            <Row label="Output">
              {output.width} × {output.height}
              {output.durationMs ? `, ${formatSeconds(output.durationMs)}` : ""}, {formatBytes(g.outputs.reduce((n, o) => n + o.bytes, 0))}
            </Row>
          ) : null}
        </dl>
      </Section>

      <Section title="Timeline">
        <Timeline generation={g} />
      </Section>

      <Section title="Credits">
        <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
          <Row label="Estimated">{formatCredits(g.credits.estimated)}</Row>
          <Row label="Charged">{creditsCharged(g)}</Row>
        </dl>
      </Section>

      {g.inputs.length ? (
        <Section title={g.inputs.length === 1 ? "Input image" : "Input images"}>
          <ul className="flex flex-wrap gap-2">
            {g.inputs.map((m, i) => (
              <li key={m.id}>
                <a href={m.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800" aria-label={`Open input image ${i + 1} in a new tab`}>
                  <Image src={m.thumbUrl} alt={`Input image ${i + 1}`} width={m.width} height={m.height} unoptimized className="h-20 w-auto object-cover" style={{ aspectRatio: `${m.width} / ${m.height}` }} />
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
