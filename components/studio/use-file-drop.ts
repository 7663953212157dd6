"use client";

import { useEffect, useEffectEvent, useState, type DragEvent } from "react";

function hasFiles(event: DragEvent | globalThis.DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

/**
 * Files in by drag and drop or paste, for a labelled file input styled as a drop zone.
 * Drops are taken anywhere on the page (a near miss would otherwise open the file in the
 * tab, losing the form), and so are pasted images; text pastes (into the prompt) go
 * through untouched. Spread `zoneProps` on the zone to light it up while a file is over it.
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const take = useEffectEvent(onFiles);

  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      take(files);
    }
    function onDragOver(event: globalThis.DragEvent) {
      if (hasFiles(event)) event.preventDefault();
    }
    function onDrop(event: globalThis.DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      take(Array.from(event.dataTransfer?.files ?? []));
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

  const zoneProps = {
    onDragEnter: (e: DragEvent) => {
      if (hasFiles(e)) setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    },
    onDragLeave: (e: DragEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
  };

  return { dragging, zoneProps };
}
