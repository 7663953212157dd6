import { DownloadIcon, LayoutGridIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { GenerationView } from "@/lib/generations/view";
import { aspectOf } from "./generation-format";
import type { ResultMedia } from "./result-media";
import { VideoPlayer } from "./video-player";
import { ViewLargeButton } from "./viewer/view-large-button";

export const footerAction =
  "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50";

const videoOf = (g: GenerationView) => g.outputs.find((o) => o.kind === "video");

/** The player's final shape while the video renders, so the card doesn't jump when it arrives. */
function PendingFrame({ generation }: { generation: GenerationView }) {
  const t = useTranslations("studio.media");
  const { width, height } = aspectOf(generation);
  return (
    <div
      className="mx-auto flex max-h-[28rem] w-full items-center justify-center rounded-lg bg-gradient-to-br from-zinc-100 to-zinc-200 p-6 text-center text-xs text-zinc-500 dark:from-zinc-800/60 dark:to-zinc-800 dark:text-zinc-400"
      style={{ aspectRatio: `${width} / ${height}`, maxWidth: `calc(28rem * ${(width / height).toFixed(3)})` }}
    >
      <p className="max-w-64">{t("videoWait")}</p>
    </div>
  );
}

function Output({ generation }: { generation: GenerationView }) {
  const t = useTranslations("studio.media");
  const output = videoOf(generation);
  if (!output) return null;
  return (
    <div className="relative mx-auto w-full overflow-hidden rounded-lg" style={{ maxWidth: `calc(28rem * ${output.width / output.height})` }}>
      <VideoPlayer media={output} label={t("videoLabel", { prompt: generation.prompt })} />
      <ViewLargeButton generation={generation} mediaId={output.id} label={t("viewVideoLarge")} className="absolute top-2 right-2" />
    </div>
  );
}

function Actions({ generation }: { generation: GenerationView }) {
  const t = useTranslations("studio.media");
  const output = videoOf(generation);
  return (
    <>
      {output ? (
        // A file response, not a page: a plain anchor, never client navigation.
        <a href={output.downloadUrl} download className={footerAction} aria-label={t("downloadVideo")}>
          <DownloadIcon size={14} aria-hidden />
          {t("download")}
        </a>
      ) : null}
      <Link href={`/gallery?open=${encodeURIComponent(generation.id)}`} className={footerAction} aria-label={t("openInGallery")}>
        <LayoutGridIcon size={14} aria-hidden />
        {t("gallery")}
      </Link>
    </>
  );
}

/** Video: a live progress bar while it renders (Pixapi reports progress), then the player. */
export const videoMedia: ResultMedia = {
  words: "video",
  progressText: (g, word) => (g.status === "queued" ? word("queued") : g.progress <= 0 ? word("starting") : `${g.progress}%`),
  placeholder: (g) => <PendingFrame generation={g} />,
  output: (g) => <Output generation={g} />,
  actions: (g) => <Actions generation={g} />,
  footnote: (g, f, took) => (g.completedAt && g.startedAt ? took(f.formatSeconds(new Date(g.completedAt).getTime() - new Date(g.startedAt).getTime())) : null),
};
