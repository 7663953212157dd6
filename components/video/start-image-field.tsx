"use client";

import { useTranslations } from "next-intl";
import Image from "next/image";
import { XIcon } from "lucide-react";
import { useId } from "react";
import { DropZone, FileInput } from "@/components/studio/drop-zone";
import { MAX_FILE_BYTES } from "@/components/studio/file-checks";
import { IconButton } from "@/components/ui/icon-button";
import { useFileDrop } from "@/components/studio/use-file-drop";
import { useFormat } from "@/lib/format/use-format";

export interface StartImage {
  file: File;
  previewUrl: string;
}

/**
 * The optional picture a video starts from: a labelled file input styled as a drop zone,
 * drag and drop (anywhere on the page, so a near miss doesn't open the file in the tab) and
 * paste. Once chosen it shows as a preview with Replace and Remove.
 */
export function StartImageField({
  image,
  problem,
  onPick,
  onRemove,
  onMeasured,
}: {
  image: StartImage | null;
  problem?: string | null;
  onPick: (file: File) => void;
  onRemove: () => void;
  /** The picture's real size, once the preview has decoded it. */
  onMeasured?: (width: number, height: number) => void;
}) {
  const t = useTranslations("video.start");
  const { formatMegabytes } = useFormat();
  const id = useId();
  const pickFirst = (files: File[]) => {
    if (files[0]) onPick(files[0]);
  };
  const drop = useFileDrop(pickFirst);
  const describedBy = `${id}-hint${problem ? ` ${id}-problem` : ""}`;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-3">
        <span className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("title")}</span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("optional")}</span>
      </div>

      {image ? (
        <div className="flex items-center gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-950/40">
          <div className="relative h-20 w-28 shrink-0 overflow-hidden rounded-md bg-zinc-200 dark:bg-zinc-800">
            <Image
              src={image.previewUrl}
              alt={t("alt", { name: image.file.name })}
              fill
              unoptimized
              sizes="112px"
              className="object-cover"
              onLoad={(e) => onMeasured?.(e.currentTarget.naturalWidth, e.currentTarget.naturalHeight)}
            />
          </div>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100" title={image.file.name}>
              {image.file.name}
            </p>
            <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
              {t("hint")}
            </p>
            <label htmlFor={`${id}-input`} className="mt-1 inline-block cursor-pointer text-xs font-medium text-accent-700 underline-offset-2 hover:underline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 dark:text-accent-400">
              <FileInput id={`${id}-input`} label={t("replaceLabel")} describedBy={describedBy} invalid={Boolean(problem)} onFiles={pickFirst} />
              {t("replace")}
            </label>
          </div>
          <IconButton label={t("remove")} onClick={onRemove} className="self-start">
            <XIcon size={16} aria-hidden />
          </IconButton>
        </div>
      ) : (
        <DropZone
          inputId={`${id}-input`}
          inputLabel={t("add")}
          describedBy={describedBy}
          invalid={Boolean(problem)}
          layout="row"
          onFiles={pickFirst}
          drop={drop}
          title={(dragging) => (dragging ? t("drop") : t("animate"))}
          hint={
            <span id={`${id}-hint`}>{t("emptyHint", { limit: formatMegabytes(MAX_FILE_BYTES) })}</span>
          }
        />
      )}

      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
