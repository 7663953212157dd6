import clsx from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { DownloadIcon, EditIcon, RemixIcon } from "@/components/generations/icons";
import type { GenerationView, MediaView } from "@/lib/generations/view";
import { remixHref } from "./generation-format";

const base = "inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium transition-colors";
const quiet = clsx(base, "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800");

function FilmIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" width={16} height={16} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinejoin="round">
      <rect x="3.5" y="6" width="12" height="12" rx="2.5" />
      <path d="m15.5 10.5 5-3v9l-5-3" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" width={16} height={16} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <path d="M4.5 7h15M9.5 7V5h5v2M6.5 7l1 12h9l1-12M10 11v5M14 11v5" />
    </svg>
  );
}

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
  const many = g.outputs.length > 1;
  const isImage = output?.kind === "image";
  return (
    <div className="flex flex-wrap gap-2">
      {output ? (
        // A file response, not a page: a plain anchor, never client navigation.
        <a href={output.downloadUrl} download aria-label={many ? "Download this image" : undefined} className={clsx(base, "bg-accent-600 text-white hover:bg-accent-700")}>
          <DownloadIcon />
          Download
        </a>
      ) : null}
      <ActionLink href={remixHref(g)} label="Remix: reuse these settings">
        <RemixIcon />
        Remix
      </ActionLink>
      {isImage ? (
        <>
          <ActionLink href={`/edit?from=${encodeURIComponent(output.id)}`} label={many ? "Use this image as edit input" : "Use as edit input"}>
            <EditIcon />
            Edit
          </ActionLink>
          <ActionLink href={`/video?from=${encodeURIComponent(output.id)}`} label={many ? "Animate this image" : "Animate"}>
            <FilmIcon />
            Animate
          </ActionLink>
        </>
      ) : null}
      <button type="button" onClick={onDelete} className={clsx(base, "ml-auto text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/50")}>
        <TrashIcon />
        Delete
      </button>
    </div>
  );
}
