"use client";

import { useSyncExternalStore } from "react";

/**
 * Deletes waiting out their undo window: the item is hidden at once everywhere the gallery
 * shows it, but the request is only sent when the window closes, so Undo costs nothing.
 * Module state, not component state, so closing the detail view or moving to another
 * studio page doesn't cancel (or lose) a delete; leaving the site sends the pending ones
 * at once (keepalive), so nothing the person deleted survives a closed tab.
 */
export const UNDO_WINDOW_MS = 5000;

type Commit = () => void;
const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; commit: Commit; flush: () => void }>();
let snapshot: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function changed() {
  snapshot = new Set(pending.keys());
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: ReadonlySet<string> = new Set();

/** The ids whose delete is waiting (hide them). */
export function usePendingDeletes(): ReadonlySet<string> {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => EMPTY,
  );
}

/**
 * Starts the undo window for `id`. `commit` sends the delete when it closes; `flush` sends
 * it when the page goes away (a request that outlives the page). Returns the undo.
 */
export function scheduleDelete(id: string, commit: Commit, flush: () => void): () => boolean {
  cancel(id);
  const timer = setTimeout(() => {
    if (pending.delete(id)) changed();
    commit();
  }, UNDO_WINDOW_MS);
  pending.set(id, { timer, commit, flush });
  changed();
  listenForExit();
  return () => cancel(id);
}

/** Stops a delete that has not been sent; false when it already was. */
function cancel(id: string): boolean {
  const entry = pending.get(id);
  if (!entry) return false;
  clearTimeout(entry.timer);
  pending.delete(id);
  changed();
  return true;
}

let listening = false;
function listenForExit() {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("pagehide", () => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      pending.delete(id);
      entry.flush();
    }
    changed();
  });
}
