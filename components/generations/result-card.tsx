"use client";

import clsx from "clsx";
import Image from "next/image";
import Link from "next/link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { AppError } from "@/lib/errors";
import type { GenerationStatus, GenerationView, MediaView } from "@/lib/generations/view";
import { ErrorMessage } from "./error-message";
import { CloseIcon, RemixIcon } from "./icons";
import { formatCredits } from "./image-form";
import { OutputGrid, PendingGrid } from "./output-grid";
import { useGeneration } from "./use-generation";

const STATUS: Record<GenerationStatus, { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" },
  running: { label: "Generating", className: "bg-accent-50 text-accent-700 dark:bg-accent-700/25 dark:text-accent-400" },
  completed: { label: "Done", className: "bg-emerald-50 text-emerald-700 dark:bg-emerald-900/40 dark:text-emerald-300" },
  failed: { label: "Failed", className: "bg-red-50 text-red-700 dark:bg-red-950/60 dark:text-red-300" },
};

const shell = "overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900";

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  return (
    <button
      type="button"
      onClick={onDismiss}
      aria-label="Remove from results"
      title="Remove from this list (it stays in your gallery)"
      className="-mt-1 -mr-1 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
    >
      <CloseIcon />
    </button>
  );
}

/** The reference images an edit started from, small, so before and after sit together. */
function InputStrip({ inputs }: { inputs: MediaView[] }) {
  return (
    <div className="mt-2 flex items-center gap-1.5">
      <span className="text-xs text-zinc-500 dark:text-zinc-400">From</span>
      {inputs.map((m, i) => (
        <Image
          key={m.id}
          src={m.thumbUrl}
          alt={`Input ${i + 1}`}
          width={28}
          height={28}
          unoptimized
          className="h-7 w-7 rounded-md bg-zinc-100 object-cover ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700"
        />
      ))}
    </div>
  );
}

function details(g: GenerationView): string {
  const parts = [g.model, g.params.size, g.params.quality && g.params.quality !== "auto" ? `${g.params.quality} quality` : null];
  if (g.params.n && g.params.n > 1) parts.push(`${g.params.n} images`);
  if (g.inputs.length) parts.push(`${g.inputs.length} reference ${g.inputs.length === 1 ? "image" : "images"}`);
  return parts.filter(Boolean).join(" · ");
}

function creditsText(g: GenerationView): string {
  if (g.status === "completed") return `Used ${formatCredits(g.credits.cost ?? g.credits.estimated)}`;
  if (g.status === "failed") return "Not charged";
  return `Estimated ${formatCredits(g.credits.estimated)}`;
}

/** One submitted generation: live progress while it runs, then its images or what went wrong. */
export function ResultCard({ id, onDismiss }: { id: string; onDismiss: () => void }) {
  const { data: generation, error } = useGeneration(id);

  if (!generation) {
    if (!error) {
      return <div className={clsx(shell, "h-40 animate-pulse motion-reduce:animate-none")} aria-label="Loading result" role="status" />;
    }
    const gone = error instanceof AppError && error.status === 404;
    return (
      <div className={clsx(shell, "flex items-start gap-3 p-4 text-sm text-zinc-600 dark:text-zinc-400")}>
        <p className="flex-1">{gone ? "This result was deleted." : "This result could not be loaded. It will retry shortly."}</p>
        <DismissButton onDismiss={onDismiss} />
      </div>
    );
  }

  const status = STATUS[generation.status];
  const running = generation.status === "queued" || generation.status === "running";
  const time = new Date(generation.createdAt).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  const remixHref = `${generation.kind === "edit" ? "/edit" : "/generate"}?remix=${encodeURIComponent(generation.id)}`;

  return (
    <article className={shell} aria-label={`Result: ${generation.prompt}`} aria-busy={running}>
      <header className="flex items-start gap-3 p-4 pb-3">
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 text-sm font-medium break-words text-zinc-900 dark:text-zinc-100" title={generation.prompt}>
            {generation.prompt}
          </p>
          <p className="mt-1 truncate text-xs text-zinc-500 dark:text-zinc-400">{details(generation)}</p>
          {generation.inputs.length ? <InputStrip inputs={generation.inputs} /> : null}
        </div>
        <span className={clsx("shrink-0 rounded-full px-2 py-0.5 text-xs font-medium", status.className)}>{status.label}</span>
        <DismissButton onDismiss={onDismiss} />
      </header>

      <div className="flex flex-col gap-3 px-4 pb-4">
        {running ? (
          <>
            <div className="flex items-center gap-3">
              <ProgressBar value={generation.progress} label="Generation progress" active className="flex-1" />
              <span className="w-24 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                {generation.progress > 0 ? `${generation.progress}%` : generation.status === "queued" ? "Starting…" : "Working…"}
              </span>
            </div>
            <PendingGrid generation={generation} />
          </>
        ) : null}
        {generation.status === "completed" ? <OutputGrid generation={generation} /> : null}
        {generation.status === "failed" && generation.error ? <ErrorMessage error={generation.error} /> : null}
      </div>

      <footer className="flex items-center justify-between gap-3 border-t border-zinc-100 bg-zinc-50/60 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-950/30 dark:text-zinc-400">
        <span className="tabular-nums">
          {creditsText(generation)} · {time}
        </span>
        <Link
          href={remixHref}
          aria-label="Remix: reuse these settings"
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-700/20"
        >
          <RemixIcon width={14} height={14} />
          Remix
        </Link>
      </footer>
    </article>
  );
}
