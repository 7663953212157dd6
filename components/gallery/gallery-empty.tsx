import { FilmIcon, ImageIcon, LayoutGridIcon, PencilIcon, SparklesIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

const STARTS: { href: string; key: "generate" | "edit" | "video"; icon: ReactNode }[] = [
  { href: "/generate", key: "generate", icon: <SparklesIcon size={20} aria-hidden /> },
  { href: "/edit", key: "edit", icon: <PencilIcon size={20} aria-hidden /> },
  { href: "/video", key: "video", icon: <FilmIcon size={20} aria-hidden /> },
];

/** A brand-new gallery: say what it is for and offer the three ways to fill it. */
export function EmptyGallery() {
  const t = useTranslations("gallery.empty");
  return (
    <EmptyState id="gallery-empty-title" icon={<LayoutGridIcon size={24} />} title={t("title")} frame="dashed">
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <ul className="mx-auto mt-6 grid w-full max-w-3xl gap-3 text-left sm:grid-cols-3">
        {STARTS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex h-full gap-3 rounded-lg border border-zinc-200 bg-white p-4 transition-colors hover:border-accent-400 hover:bg-accent-50/50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-accent-500 dark:hover:bg-accent-700/10"
            >
              <span className="mt-0.5 text-accent-600 dark:text-accent-400">{s.icon}</span>
              <span>
                <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{t(`${s.key}Title`)}</span>
                <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{t(`${s.key}Body`)}</span>
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
  const t = useTranslations("gallery.empty");
  return (
    <EmptyState id="gallery-none-title" icon={<ImageIcon size={22} />} tone="muted" title={t("noResults")} frame="card">
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        {query ? t("noMatchQuery", { query }) : t("noMatch")} {t("tryDifferent")}
      </p>
      <Button variant="secondary" onClick={onClear} className="mt-5">
        {t("clear")}
      </Button>
    </EmptyState>
  );
}
