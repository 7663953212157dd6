import { FilmIcon, ImageIcon, LayoutGridIcon, PencilIcon, SparklesIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { IconBadge } from "@/components/ui/icon-badge";

const STARTS: { href: string; title: string; body: string; icon: ReactNode }[] = [
  { href: "/generate", title: "Generate an image", body: "Describe a scene and get up to four images.", icon: <SparklesIcon size={20} aria-hidden /> },
  { href: "/edit", title: "Edit a photo", body: "Upload a picture and say what to change.", icon: <PencilIcon size={20} aria-hidden /> },
  { href: "/video", title: "Make a video", body: "Turn a prompt, or one of your images, into a clip.", icon: <FilmIcon size={20} aria-hidden /> },
];

/** A brand-new gallery: say what it is for and offer the three ways to fill it. */
export function EmptyGallery() {
  return (
    <section aria-labelledby="gallery-empty-title" className="rounded-xl border border-dashed border-zinc-300 bg-white/60 px-5 py-10 text-center sm:px-10 sm:py-14 dark:border-zinc-700 dark:bg-zinc-900/40">
      <IconBadge className="mx-auto">
        <LayoutGridIcon size={24} />
      </IconBadge>
      <h2 id="gallery-empty-title" className="mt-4 text-base font-semibold">
        Your gallery is empty
      </h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        Everything you generate, edit or animate is saved here automatically, newest first. Start with one of these:
      </p>
      <ul className="mx-auto mt-6 grid max-w-3xl gap-3 text-left sm:grid-cols-3">
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
    </section>
  );
}

/** Filters that match nothing: distinct from an empty gallery, and one click from undoing. */
export function NoResults({ onClear, query }: { onClear: () => void; query?: string }) {
  return (
    <section aria-labelledby="gallery-none-title" className="flex flex-col items-center rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center dark:border-zinc-800 dark:bg-zinc-900">
      <IconBadge tone="muted">
        <ImageIcon size={22} />
      </IconBadge>
      <h2 id="gallery-none-title" className="mt-4 text-base font-semibold">
        No results for these filters
      </h2>
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        {query ? <>Nothing you made matches “{query}” with the filters you chose.</> : <>Nothing you made matches the filters you chose.</>} Try a different word or
        fewer filters.
      </p>
      <Button variant="secondary" onClick={onClear} className="mt-5">
        Clear filters
      </Button>
    </section>
  );
}
