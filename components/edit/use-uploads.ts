"use client";

import { useState } from "react";
import { MAX_EDIT_IMAGES, toUpload, triage, type Upload } from "./uploads";

/**
 * The reference images, in the order they will be sent (the first one leads). Object URLs
 * are revoked on remove; on leaving the page they go with the document, which is at most
 * a few previews.
 */
export function useUploads(initialFiles: File[]) {
  const [uploads, setUploads] = useState<Upload[]>(() => initialFiles.slice(0, MAX_EDIT_IMAGES).map(toUpload));
  const [problems, setProblems] = useState<string[]>([]);

  function add(files: File[]) {
    const { accepted, problems: found } = triage(files, MAX_EDIT_IMAGES - uploads.length);
    setProblems(found);
    if (accepted.length) setUploads((current) => [...current, ...accepted.map(toUpload)]);
  }

  function remove(id: string) {
    const gone = uploads.find((u) => u.id === id);
    if (gone) URL.revokeObjectURL(gone.previewUrl);
    setUploads((current) => current.filter((u) => u.id !== id));
    setProblems([]);
  }

  function move(id: string, delta: -1 | 1) {
    setUploads((current) => {
      const from = current.findIndex((u) => u.id === id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= current.length) return current;
      const next = [...current];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    });
  }

  return { uploads, problems, add, remove, move, full: uploads.length >= MAX_EDIT_IMAGES };
}
