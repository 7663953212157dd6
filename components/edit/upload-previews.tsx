"use client";

import { ChevronLeftIcon, ChevronRightIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Image from "next/image";
import { IconButton } from "@/components/ui/icon-button";
import type { Upload } from "./uploads";

/** The chosen images in send order, each with move and remove controls that are always visible (touch has no hover). */
export function UploadPreviews({ uploads, onRemove, onMove }: { uploads: Upload[]; onRemove: (id: string) => void; onMove: (id: string, delta: -1 | 1) => void }) {
  const t = useTranslations("edit.previews");
  if (uploads.length === 0) return null;
  return (
    <ol aria-label={t("label")} className="grid grid-cols-2 gap-2">
      {uploads.map((upload, i) => {
        const n = i + 1;
        return (
          <li key={upload.id} className="relative aspect-square overflow-hidden rounded-lg border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900">
            <Image src={upload.previewUrl} alt={t("alt", { index: n, name: upload.file.name })} fill sizes="200px" className="object-cover" />
            <span
              className="absolute top-1.5 left-1.5 rounded-md bg-black/55 px-1.5 py-0.5 text-xs font-medium text-white backdrop-blur-sm"
              title={i === 0 ? t("mainTitle") : undefined}
            >
              {i === 0 ? t("main") : n}
            </span>
            <div className="absolute inset-x-0 bottom-0 flex items-center justify-between gap-1 bg-gradient-to-t from-black/50 to-transparent p-1.5 pt-6">
              {uploads.length > 1 ? (
                <div className="flex gap-1">
                  <IconButton tone="overlay" size="sm" label={t("left", { index: n })} onClick={() => onMove(upload.id, -1)} disabled={i === 0}>
                    <ChevronLeftIcon size={16} aria-hidden />
                  </IconButton>
                  <IconButton tone="overlay" size="sm" label={t("right", { index: n })} onClick={() => onMove(upload.id, 1)} disabled={i === uploads.length - 1}>
                    <ChevronRightIcon size={16} aria-hidden />
                  </IconButton>
                </div>
              ) : (
                <span />
              )}
              <IconButton tone="overlay" size="sm" label={t("remove", { index: n })} onClick={() => onRemove(upload.id)}>
                <XIcon size={16} aria-hidden />
              </IconButton>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
