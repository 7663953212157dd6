"use client";

import clsx from "clsx";
import Link from "next/link";
import { aspectOf, formatSeconds, isPending } from "@/components/gallery/generation-format";
import { StatusBadge } from "@/components/gallery/status-badge";
import { ErrorMessage } from "@/components/generations/error-message";
import { CloseIcon, DownloadIcon, GalleryIcon, RemixIcon } from "@/components/generations/icons";
import { formatCredits } from "@/components/generations/image-form";
import { useGeneration } from "@/components/generations/use-generation";
import { ProgressBar } from "@/components/ui/progress-bar";
import { AppError } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/view";
import { VideoPlayer } from "./video-player";

const shell = "overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900";
const action =
  "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50";

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

function details(g: GenerationView): string {
  const parts = [g.model, g.params.duration ? `${g.params.duration} s` : null, g.params.size, g.inputs.length ? "from an image" : null];
  return parts.filter(Boolean).join(" · ");
}

function creditsText(g: GenerationView): string {
  if (g.status === "completed") return `Used ${formatCredits(g.credits.cost ?? g.credits.estimated)}`;
  if (g.status === "failed") return "Not charged";
  return `Estimated ${formatCredits(g.credits.estimated)}`;
}

/** How far along, in words: Pixapi reports progress, videos take tens of seconds. */
function progressText(g: GenerationView): string {
  if (g.status === "queued") return "Queued…";
  if (g.progress <= 0) return "Starting…";
  return `${g.progress}%`;
}

/** One submitted video: a live progress bar while it renders, then the player, or what went wrong. */
export function VideoResultCard({ id, onDismiss }: { id: string; onDismiss: () => void }) {
  const { data: g, error } = useGeneration(id);

  if (!g) {
    if (!error) return <div className={clsx(shell, "h-48 animate-pulse motion-reduce:animate-none")} role="status" aria-label="Loading result" />;
    const gone = error instanceof AppError && error.status === 404;
    return (
      <div className={clsx(shell, "flex items-start gap-3 p-4 text-sm text-zinc-600 dark:text-zinc-400")}>
        <p className="flex-1">{gone ? "This video was deleted." : "This video could not be loaded. It will retry shortly."}</p>
        <DismissButton onDismiss={onDismiss} />
      </div>
    );
  }

  const running = isPending(g);
  const output = g.outputs.find((o) => o.kind === "video");
  const { width, height } = aspectOf(g);
  const elapsed = g.completedAt && g.startedAt ? formatSeconds(new Date(g.completedAt).getTime() - new Date(g.startedAt).getTime()) : null;

  return (
    <article className={shell} aria-label={`Video: ${g.prompt}`} aria-busy={running}>
      <header className="flex items-start gap-3 p-4 pb-3">
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 text-sm font-medium break-words text-zinc-900 dark:text-zinc-100" title={g.prompt}>
            {g.prompt}
          </p>
          <p className="mt-1 truncate text-xs text-zinc-500 dark:text-zinc-400">{details(g)}</p>
        </div>
        <StatusBadge status={g.status} />
        <DismissButton onDismiss={onDismiss} />
      </header>

      <div className="flex flex-col gap-3 px-4 pb-4">
        {running ? (
          <>
            <div className="flex items-center gap-3">
              <ProgressBar value={g.progress} label="Video progress" active className="flex-1" />
              <span className="w-20 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{progressText(g)}</span>
            </div>
            {/* The player's final shape, so the card doesn't jump when the video arrives. */}
            <div
              className="mx-auto flex max-h-[28rem] w-full items-center justify-center rounded-lg bg-gradient-to-br from-zinc-100 to-zinc-200 p-6 text-center text-xs text-zinc-500 dark:from-zinc-800/60 dark:to-zinc-800 dark:text-zinc-400"
              style={{ aspectRatio: `${width} / ${height}`, maxWidth: `calc(28rem * ${(width / height).toFixed(3)})` }}
            >
              <p className="max-w-64">Videos take up to a minute. You can leave this page: it keeps going and lands in your gallery.</p>
            </div>
          </>
        ) : null}
        {g.status === "completed" && output ? (
          <div className="mx-auto w-full overflow-hidden rounded-lg" style={{ maxWidth: `calc(28rem * ${output.width / output.height})` }}>
            <VideoPlayer media={output} label={`Video: ${g.prompt}`} />
          </div>
        ) : null}
        {g.status === "failed" && g.error ? <ErrorMessage error={g.error} /> : null}
      </div>

      <footer className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-100 bg-zinc-50/60 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-950/30 dark:text-zinc-400">
        <span className="tabular-nums">
          {creditsText(g)}
          {elapsed ? ` · took ${elapsed}` : ""}
        </span>
        <span className="flex flex-wrap gap-0.5">
          {output ? (
            // A file response, not a page: a plain anchor, never client navigation.
            <a href={output.downloadUrl} download className={action} aria-label="Download video">
              <DownloadIcon width={14} height={14} />
              Download
            </a>
          ) : null}
          <Link href={`/gallery?open=${encodeURIComponent(g.id)}`} className={action} aria-label="Open in gallery">
            <GalleryIcon width={14} height={14} />
            Gallery
          </Link>
          <Link href={`/video?remix=${encodeURIComponent(g.id)}`} className={clsx(action, "text-accent-700 dark:text-accent-400")} aria-label="Remix: reuse these settings">
            <RemixIcon width={14} height={14} />
            Remix
          </Link>
        </span>
      </footer>
    </article>
  );
}
