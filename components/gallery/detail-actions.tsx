import clsx from "clsx";
import { useTranslations } from "next-intl";
import { DownloadIcon, FilmIcon, PencilIcon, RepeatIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { GenerationView, MediaView } from "@/lib/generations/view";
import { remixHref } from "@/components/studio/generation-format";

const base = "inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium transition-colors";
const quiet = clsx(base, "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800");

function ActionLink({ href, children, label }: { href: string; children: ReactNode; label?: string }) {
  return (
    <Link href={href} className={quiet} aria-label={label}>
      {children}
    </Link>
  );
}

/**
 * What can be done with a generation. Actions on one file (download, edit, animate) use the
 * output being shown; Remix and Delete are about the whole generation.
 */
export function DetailActions({ generation: g, output, onDelete }: { generation: GenerationView; output: MediaView | undefined; onDelete: () => void }) {
  const t = useTranslations("gallery.detail");
  const many = g.outputs.length > 1;
  const isImage = output?.kind === "image";
  return (
    <div className="flex flex-wrap gap-2">
      {output ? (
        // A file response, not a page: a plain anchor, never client navigation.
        <a href={output.downloadUrl} download aria-label={many ? t("downloadThis") : undefined} className={clsx(base, "bg-accent-600 text-white hover:bg-accent-700")}>
          <DownloadIcon size={16} aria-hidden />
          {t("download")}
        </a>
      ) : null}
      <ActionLink href={remixHref(g)} label={t("remixLabel")}>
        <RepeatIcon size={16} aria-hidden />
        {t("remix")}
      </ActionLink>
      {isImage ? (
        <>
          <ActionLink href={`/edit?from=${encodeURIComponent(output.id)}`} label={many ? t("editThis") : t("editOne")}>
            <PencilIcon size={16} aria-hidden />
            {t("edit")}
          </ActionLink>
          <ActionLink href={`/video?from=${encodeURIComponent(output.id)}`} label={many ? t("animateThis") : t("animate")}>
            <FilmIcon size={16} aria-hidden />
            {t("animate")}
          </ActionLink>
        </>
      ) : null}
      <button type="button" onClick={onDelete} className={clsx(base, "ml-auto text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/50")}>
        <Trash2Icon size={16} aria-hidden />
        {t("delete")}
      </button>
    </div>
  );
}
