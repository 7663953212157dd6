"use client";

import { VideoResultCard } from "./video-result-card";

function FilmIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" width={24} height={24} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinejoin="round">
      <rect x="3.5" y="6" width="12" height="12" rx="2.5" />
      <path d="m15.5 10.5 5-3v9l-5-3" />
    </svg>
  );
}

/** The videos started from this tab, newest first, or what will happen when one is. */
export function VideoResults({ ids, onDismiss, onClear }: { ids: readonly string[]; onDismiss: (id: string) => void; onClear: () => void }) {
  return (
    <section aria-labelledby="video-results-heading" className="flex min-w-0 flex-col gap-3">
      <div className="flex h-8 items-center justify-between gap-3">
        <h2 id="video-results-heading" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          Results
          {ids.length ? <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">{ids.length}</span> : null}
        </h2>
        {ids.length ? (
          <button
            type="button"
            onClick={onClear}
            title="Clears this list only; everything stays in your gallery"
            className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            Clear list
          </button>
        ) : null}
      </div>
      {ids.length === 0 ? (
        <div className="flex min-h-64 flex-col items-center justify-center rounded-xl border border-dashed border-zinc-300 bg-white/50 px-6 py-12 text-center dark:border-zinc-700 dark:bg-zinc-900/40">
          <span className="flex h-12 w-12 items-center justify-center rounded-full bg-accent-50 text-accent-600 dark:bg-accent-700/20 dark:text-accent-400">
            <FilmIcon />
          </span>
          <p className="mt-4 text-sm font-medium text-zinc-900 dark:text-zinc-100">Your videos will appear here</p>
          <p className="mt-1 max-w-sm text-sm text-zinc-500 dark:text-zinc-400">
            Describe a scene, or add an image to bring to life, and press Generate video. You&apos;ll see its progress here, then play it.
          </p>
        </div>
      ) : (
        <ol aria-label="Videos" className="flex flex-col gap-4">
          {ids.map((id) => (
            <li key={id}>
              <VideoResultCard id={id} onDismiss={() => onDismiss(id)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
