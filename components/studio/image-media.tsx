import clsx from "clsx";
import { DownloadIcon, LayoutGridIcon, PencilIcon } from "lucide-react";
import Image from "next/image";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { GenerationView, MediaView } from "@/lib/generations/view";
import type { ResultMedia } from "./result-media";
import { useOpenViewer } from "./viewer/viewer-scope";

function ratioOf(size: string | undefined): string {
  const m = /^(\d+)x(\d+)$/.exec(size ?? "");
  return m ? `${m[1]} / ${m[2]}` : "1 / 1";
}

/** One image stays a comfortable size instead of filling a wide column. */
function gridCols(count: number): string {
  return count > 1 ? "grid-cols-2" : "grid-cols-1 sm:max-w-md";
}

function Action({ href, label, text, icon, download }: { href: string; label: string; text: string; icon: ReactNode; download?: boolean }) {
  const className =
    "inline-flex h-8 flex-1 items-center justify-center gap-1.5 rounded-md text-xs font-medium text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50";
  // Words only where the tile is wide enough; the accessible name is always the full label.
  const visible = <span className="hidden @[15rem]:inline">{text}</span>;
  // A download is a file response, not a page: a plain anchor, never client navigation.
  return download ? (
    <a href={href} download aria-label={label} title={label} className={className}>
      {icon}
      {visible}
    </a>
  ) : (
    <Link href={href} aria-label={label} title={label} className={className}>
      {icon}
      {visible}
    </Link>
  );
}

/** Finished images: thumbnails that open the full file, each with its actions. */
function OutputGrid({ generation }: { generation: GenerationView }) {
  const t = useTranslations("studio.media");
  const outputs = generation.outputs.filter((o) => o.kind === "image");
  return (
    <ul className={clsx("grid gap-3", gridCols(outputs.length))} aria-label={t("images")}>
      {outputs.map((output, i) => (
        <OutputTile key={output.id} output={output} index={i} total={outputs.length} generation={generation} />
      ))}
    </ul>
  );
}

function OutputTile({ output, index, total, generation }: { output: MediaView; index: number; total: number; generation: GenerationView }) {
  const t = useTranslations("studio.media");
  const openViewer = useOpenViewer();
  const name = total > 1 ? t("imageNameN", { index: index + 1 }) : t("imageName");
  return (
    <li className="@container overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
      <a
        href={output.url}
        target="_blank"
        rel="noopener"
        className="block cursor-zoom-in"
        aria-label={t("view", { name })}
        onClick={(event) => {
          // In the app's viewer when there is one; the plain link stays for a middle click.
          if (!openViewer || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          openViewer(output.id, generation);
        }}
      >
        <Image
          src={output.thumbUrl}
          alt={total > 1 ? t("resultAltN", { index: index + 1, total, prompt: generation.prompt }) : t("resultAlt", { prompt: generation.prompt })}
          width={output.width}
          height={output.height}
          unoptimized
          className="h-auto w-full bg-zinc-100 object-cover transition-opacity hover:opacity-90 dark:bg-zinc-900"
          style={{ aspectRatio: `${output.width} / ${output.height}` }}
        />
      </a>
      <div className="flex gap-0.5 border-t border-zinc-200 p-1 dark:border-zinc-800">
        <Action href={output.downloadUrl} download text={t("download")} label={t("downloadLabel", { name })} icon={<DownloadIcon size={16} aria-hidden />} />
        <Action href={`/gallery?open=${encodeURIComponent(generation.id)}`} text={t("gallery")} label={t("galleryLabel", { name })} icon={<LayoutGridIcon size={16} aria-hidden />} />
        <Action href={`/edit?from=${encodeURIComponent(output.id)}`} text={t("edit")} label={t("editLabel", { name })} icon={<PencilIcon size={16} aria-hidden />} />
      </div>
    </li>
  );
}

/** Where the images will appear, drawn at their final shape while the generation runs. */
function PendingGrid({ generation }: { generation: GenerationView }) {
  const count = Math.max(1, generation.params.n ?? 1);
  return (
    <ul className={clsx("grid gap-3", gridCols(count))} aria-hidden>
      {Array.from({ length: count }, (_, i) => (
        <li
          key={i}
          className="animate-pulse rounded-lg bg-linear-to-br from-zinc-100 to-zinc-200 motion-reduce:animate-none dark:from-zinc-800/60 dark:to-zinc-800"
          style={{ aspectRatio: ratioOf(generation.params.size) }}
        />
      ))}
    </ul>
  );
}

/** Generate and Edit: a grid of images, each with its own actions. */
export const imageMedia: ResultMedia = {
  words: "image",
  progressText: (g, word) => (g.progress > 0 ? `${g.progress}%` : g.status === "queued" ? word("starting") : word("working")),
  placeholder: (g) => <PendingGrid generation={g} />,
  output: (g) => <OutputGrid generation={g} />,
  footnote: (g, f) => f.formatClockTime(g.createdAt),
};
