"use client";

import clsx from "clsx";
import Image from "next/image";
import { useEffect, useEffectEvent, useId, useState, type DragEvent } from "react";
import { ACCEPTED_TYPES, MAX_FILE_BYTES } from "@/components/edit/uploads";
import { CloseIcon, UploadIcon } from "@/components/generations/icons";

function hasFiles(event: DragEvent | globalThis.DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

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
  const id = useId();
  const [dragging, setDragging] = useState(false);

  const pickFromPage = useEffectEvent((files: File[]) => {
    if (files[0]) onPick(files[0]);
  });
  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return; // text pastes (into the prompt) go through untouched
      event.preventDefault();
      pickFromPage(files);
    }
    function onDragOver(event: globalThis.DragEvent) {
      if (hasFiles(event)) event.preventDefault();
    }
    function onDrop(event: globalThis.DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      pickFromPage(Array.from(event.dataTransfer?.files ?? []));
    }
    window.addEventListener("paste", onPaste);
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("paste", onPaste);
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    };
  }, []);

  const input = (
    <input
      id={`${id}-input`}
      type="file"
      accept={ACCEPTED_TYPES.join(",")}
      aria-label={image ? "Replace the start image" : "Add a start image"}
      aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ""}`}
      aria-invalid={problem ? true : undefined}
      className="sr-only"
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (file) onPick(file);
        e.target.value = ""; // lets the same file be picked again after a remove
      }}
    />
  );

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-3">
        <span className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Start image</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">Optional</span>
      </div>

      {image ? (
        <div className="flex items-center gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-950/40">
          <div className="relative h-20 w-28 shrink-0 overflow-hidden rounded-md bg-zinc-200 dark:bg-zinc-800">
            <Image
              src={image.previewUrl}
              alt={`Start image: ${image.file.name}`}
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
            <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
              The video starts from this picture.
            </p>
            <label htmlFor={`${id}-input`} className="mt-1 inline-block cursor-pointer text-xs font-medium text-accent-700 underline-offset-2 hover:underline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 dark:text-accent-400">
              {input}
              Replace
            </label>
          </div>
          <button
            type="button"
            onClick={onRemove}
            aria-label="Remove the start image"
            title="Remove the start image"
            className="inline-flex h-8 w-8 shrink-0 items-center justify-center self-start rounded-md text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <CloseIcon />
          </button>
        </div>
      ) : (
        <label
          htmlFor={`${id}-input`}
          onDragEnter={(e) => hasFiles(e) && setDragging(true)}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          className={clsx(
            "flex cursor-pointer items-center gap-3 rounded-lg border-2 border-dashed px-4 py-3.5 transition-colors",
            "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-500",
            dragging
              ? "border-accent-500 bg-accent-50 dark:bg-accent-700/15"
              : "border-zinc-300 bg-zinc-50 hover:border-accent-400 hover:bg-accent-50/40 dark:border-zinc-700 dark:bg-zinc-950/40 dark:hover:border-accent-500 dark:hover:bg-accent-700/10",
          )}
        >
          {input}
          <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-white text-accent-600 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:text-accent-400 dark:ring-zinc-700">
            <UploadIcon width={18} height={18} />
          </span>
          <span className="min-w-0">
            <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{dragging ? "Drop to use this image" : "Animate an image"}</span>
            <span id={`${id}-hint`} className="block text-xs text-zinc-500 dark:text-zinc-400">
              Choose, drop or paste a PNG, JPEG or WebP (up to {MAX_FILE_BYTES / 1024 / 1024} MB). Leave empty to start from the prompt alone.
            </span>
          </span>
        </label>
      )}

      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
