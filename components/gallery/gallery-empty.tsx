import { FilmIcon, ImageIcon, LayoutGridIcon, PencilIcon, SparklesIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

const STARTS: { href: string; title: string; body: string; icon: ReactNode }[] = [
  { href: "/generate", title: "Generate an image", body: "Describe a scene and get up to four images.", icon: <SparklesIcon size={20} aria-hidden /> },
  { href: "/edit", title: "Edit a photo", body: "Upload a picture and say what to change.", icon: <PencilIcon size={20} aria-hidden /> },
  { href: "/video", title: "Make a video", body: "Turn a prompt, or one of your images, into a clip.", icon: <FilmIcon size={20} aria-hidden /> },
];

/** A brand-new gallery: say what it is for and offer the three ways to fill it. */
export function EmptyGallery() {
  return (
    <EmptyState id="gallery-empty-title" icon={<LayoutGridIcon size={24} />} title="Your gallery is empty" frame="dashed">
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        Everything you generate, edit or animate is saved here automatically, newest first. Start with one of these:
      </p>
      <ul className="mx-auto mt-6 grid w-full max-w-3xl gap-3 text-left sm:grid-cols-3">
        {STARTS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex h-full gap-3 rounded-lg border border-zinc-200 bg-white p-4 transition-colors hover:border-accent-400 hover:bg-accent-50/50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-accent-500 dark:hover:bg-accent-700/10"
            >
              <span className="mt-0.5 text-accent-600 dark:text-accent-400">{s.icon}</span>
              <span>
                <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{s.title}</span>
                <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">{s.body}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </EmptyState>
  );
}

/** Filters that match nothing: distinct from an empty gallery, and one click from undoing. */
export function NoResults({ onClear, query }: { onClear: () => void; query?: string }) {
  return (
    <EmptyState id="gallery-none-title" icon={<ImageIcon size={22} />} tone="muted" title="No results for these filters" frame="card">
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        {query ? <>Nothing you made matches “{query}” with the filters you chose.</> : <>Nothing you made matches the filters you chose.</>} Try a different word or
        fewer filters.
      </p>
      <Button variant="secondary" onClick={onClear} className="mt-5">
        Clear filters
      </Button>
    </EmptyState>
  );
}
