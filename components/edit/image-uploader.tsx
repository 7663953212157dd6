"use client";

import clsx from "clsx";
import { useEffect, useEffectEvent, useId, useState, type DragEvent, type ReactNode } from "react";
import { UploadIcon } from "@/components/generations/icons";
import { UploadPreviews } from "./upload-previews";
import { ACCEPTED_TYPES, MAX_EDIT_IMAGES, MAX_FILE_BYTES, type Upload } from "./uploads";

function hasFiles(event: DragEvent | globalThis.DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

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
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const full = uploads.length >= MAX_EDIT_IMAGES;

  const addFromPage = useEffectEvent((files: File[]) => onAdd(files));
  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const files = Array.from(event.clipboardData?.files ?? []);
      // Text pastes (into the prompt) go through untouched.
      if (files.length === 0) return;
      event.preventDefault();
      addFromPage(files);
    }
    function onDragOver(event: globalThis.DragEvent) {
      if (hasFiles(event)) event.preventDefault();
    }
    function onDrop(event: globalThis.DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      addFromPage(Array.from(event.dataTransfer?.files ?? []));
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

  const describedBy = [`${id}-hint`, problems.length || error ? `${id}-problems` : null].filter(Boolean).join(" ");

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-3">
        <span id={`${id}-title`} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Reference images
        </span>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {uploads.length} / {MAX_EDIT_IMAGES}
        </span>
      </div>

      <UploadPreviews uploads={uploads} onRemove={onRemove} onMove={onMove} />

      {!full ? (
        <label
          htmlFor={`${id}-input`}
          onDragEnter={(e) => hasFiles(e) && setDragging(true)}
          onDragOver={(e) => hasFiles(e) && e.preventDefault()}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          className={clsx(
            "flex cursor-pointer flex-col items-center justify-center gap-1.5 rounded-lg border-2 border-dashed px-4 text-center transition-colors",
            "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-500",
            uploads.length ? "py-4" : "py-8",
            dragging
              ? "border-accent-500 bg-accent-50 dark:bg-accent-700/15"
              : error
                ? "border-red-400 bg-red-50/40 dark:border-red-700 dark:bg-red-950/20"
                : "border-zinc-300 bg-zinc-50 hover:border-accent-400 hover:bg-accent-50/40 dark:border-zinc-700 dark:bg-zinc-950/40 dark:hover:border-accent-500 dark:hover:bg-accent-700/10",
          )}
        >
          <input
            id={`${id}-input`}
            type="file"
            multiple
            accept={ACCEPTED_TYPES.join(",")}
            aria-label="Add reference images"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className="sr-only"
            onChange={(e) => {
              onAdd(Array.from(e.target.files ?? []));
              // Let the same file be picked again after it was removed.
              e.target.value = "";
            }}
          />
          <span className="flex h-9 w-9 items-center justify-center rounded-full bg-white text-accent-600 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:text-accent-400 dark:ring-zinc-700">
            <UploadIcon width={18} height={18} />
          </span>
          <span className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
            {dragging ? "Drop to add" : "Add reference images"}
          </span>
          <span id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            Click to choose, drag files here, or paste. PNG, JPEG or WebP up to {MAX_FILE_BYTES / 1024 / 1024} MB each.
          </span>
        </label>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          That&apos;s the maximum of {MAX_EDIT_IMAGES}. Remove one to add another.
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
