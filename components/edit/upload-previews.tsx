"use client";

import { ChevronLeftIcon, ChevronRightIcon, XIcon } from "lucide-react";
import Image from "next/image";
import type { ReactNode } from "react";
import type { Upload } from "./uploads";

function TileButton({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-black/55 text-white backdrop-blur-sm transition-colors hover:bg-black/75 disabled:opacity-35 disabled:hover:bg-black/55"
    >
      {children}
    </button>
  );
}

/** The chosen images in send order, each with move and remove controls that are always visible (touch has no hover). */
export function UploadPreviews({ uploads, onRemove, onMove }: { uploads: Upload[]; onRemove: (id: string) => void; onMove: (id: string, delta: -1 | 1) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ol aria-label="Reference images" className="grid grid-cols-2 gap-2">
      {uploads.map((upload, i) => {
        const n = i + 1;
        return (
          <li key={upload.id} className="relative aspect-square overflow-hidden rounded-lg border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900">
            <Image src={upload.previewUrl} alt={`Reference image ${n}: ${upload.file.name}`} fill sizes="200px" className="object-cover" />
            <span
              className="absolute top-1.5 left-1.5 rounded-md bg-black/55 px-1.5 py-0.5 text-xs font-medium text-white backdrop-blur-sm"
              title={i === 0 ? "The main image: edits start from this one" : undefined}
            >
              {i === 0 ? "1 · main" : n}
            </span>
            <div className="absolute inset-x-0 bottom-0 flex items-center justify-between gap-1 bg-gradient-to-t from-black/50 to-transparent p-1.5 pt-6">
              {uploads.length > 1 ? (
                <div className="flex gap-1">
                  <TileButton label={`Move image ${n} left`} onClick={() => onMove(upload.id, -1)} disabled={i === 0}>
                    <ChevronLeftIcon size={16} aria-hidden />
                  </TileButton>
                  <TileButton label={`Move image ${n} right`} onClick={() => onMove(upload.id, 1)} disabled={i === uploads.length - 1}>
                    <ChevronRightIcon size={16} aria-hidden />
                  </TileButton>
                </div>
              ) : (
                <span />
              )}
              <TileButton label={`Remove image ${n}`} onClick={() => onRemove(upload.id)}>
                <XIcon size={16} aria-hidden />
              </TileButton>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
