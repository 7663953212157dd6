"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { DropZone } from "@/components/studio/drop-zone";
import { MAX_FILE_BYTES } from "@/components/studio/file-checks";
import { useFileDrop } from "@/components/studio/use-file-drop";
import { useFormat } from "@/lib/format/use-format";
import { UploadPreviews } from "./upload-previews";
import { MAX_EDIT_IMAGES, type Upload } from "./uploads";

/**
 * Reference images in, three ways: the file picker (a real, labelled file input), drag and
 * drop (on the zone, or anywhere on the page so a near miss doesn't open the file in the
 * tab), and pasting an image anywhere on the page.
 */
export function ImageUploader({
  uploads,
  problems,
  error,
  onAdd,
  onRemove,
  onMove,
  children,
}: {
  uploads: Upload[];
  problems: string[];
  /** A form-level error about the images (e.g. none added, or the server refused one). */
  error?: string;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  /** Extra messages shown under the zone (e.g. the server refusing a file). */
  children?: ReactNode;
}) {
  const t = useTranslations("edit.uploader");
  const { formatMegabytes } = useFormat();
  const id = useId();
  const drop = useFileDrop(onAdd);
  const full = uploads.length >= MAX_EDIT_IMAGES;

  const describedBy = [`${id}-hint`, problems.length || error ? `${id}-problems` : null].filter(Boolean).join(" ");

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-3">
        <span id={`${id}-title`} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("title")}
        </span>
        <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          {uploads.length} / {MAX_EDIT_IMAGES}
        </span>
      </div>

      <UploadPreviews uploads={uploads} onRemove={onRemove} onMove={onMove} />

      {!full ? (
        <DropZone
          inputId={`${id}-input`}
          inputLabel={t("add")}
          describedBy={describedBy}
          invalid={Boolean(error)}
          multiple
          layout="stack"
          roomy={uploads.length === 0}
          onFiles={onAdd}
          drop={drop}
          title={(dragging) => (dragging ? t("drop") : t("add"))}
          hint={<span id={`${id}-hint`}>{t("hint", { limit: formatMegabytes(MAX_FILE_BYTES) })}</span>}
        />
      ) : (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {t("full", { max: MAX_EDIT_IMAGES })}
        </p>
      )}

      {problems.length || error ? (
        <div id={`${id}-problems`} role="alert" className="flex flex-col gap-0.5 text-xs text-red-600 dark:text-red-400">
          {error ? <p>{error}</p> : null}
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      {children}
    </div>
  );
}
