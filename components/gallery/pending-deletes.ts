"use client";

import { useSyncExternalStore } from "react";

/**
 * Deletes waiting out their undo window: the item is hidden at once everywhere the gallery
 * shows it, but the request is only sent when the window closes, so Undo costs nothing.
 * Module state, not component state, so closing the detail view or moving to another
 * studio page doesn't cancel (or lose) a delete; leaving the site sends the pending ones
 * at once (keepalive), so nothing the person deleted survives a closed tab. Once sent, the
 * items stay hidden until the server has answered: shown again in between, a deleted item
 * would flash back into the grid (and take the place, and the focus, of what replaced it,
 * say the empty gallery's heading) until the lists caught up.
 */
export const UNDO_WINDOW_MS = 5000;

/** Sends the delete; the promise settles when the server has answered (and the caches know). */
type Commit = () => Promise<unknown> | void;
/**
 * Keyed by the id (one item) or by the batch (a bulk delete): each waits and undoes as one.
 * `sending`: the window has closed and the request is out; it can no longer be undone.
 */
const pending = new Map<string, { ids: readonly string[]; timer: ReturnType<typeof setTimeout>; commit: Commit; flush: () => void; sending: boolean }>();
let snapshot: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function changed() {
  snapshot = new Set([...pending.values()].flatMap((entry) => entry.ids));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: ReadonlySet<string> = new Set();

/** The ids whose delete is waiting, outside React. */
export function pendingDeleteIds(): ReadonlySet<string> {
  return snapshot;
}

/** The ids whose delete is waiting (hide them). */
export function usePendingDeletes(): ReadonlySet<string> {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => EMPTY,
  );
}

/**
 * Starts the undo window for `id`, or for several ids as one batch (the gallery's bulk
 * delete: one window, one undo, one request). `commit` sends the delete when it closes;
 * `flush` sends it when the page goes away (a request that outlives the page). Returns the undo.
 */
export function scheduleDelete(id: string | readonly string[], commit: Commit, flush: () => void): () => boolean {
  const ids = typeof id === "string" ? [id] : id;
  const key = typeof id === "string" ? id : `batch:${ids.join(",")}`;
  cancel(key);
  const timer = setTimeout(() => {
    const entry = pending.get(key);
    if (!entry) return;
    entry.sending = true;
    let answered: Promise<unknown> | void = undefined;
    try {
      answered = commit();
    } finally {
      // Commits report their own failures (a toast; the item comes back once unhidden).
      void Promise.resolve(answered)
        .catch(() => undefined)
        .finally(() => {
          if (pending.get(key) !== entry) return;
          pending.delete(key);
          changed();
        });
    }
  }, UNDO_WINDOW_MS);
  pending.set(key, { ids, timer, commit, flush, sending: false });
  changed();
  listenForExit();
  return () => cancel(key);
}

/** Stops a delete that has not been sent; false when it already was. */
function cancel(key: string): boolean {
  const entry = pending.get(key);
  if (!entry || entry.sending) return false;
  clearTimeout(entry.timer);
  pending.delete(key);
  changed();
  return true;
}

let listening = false;
function listenForExit() {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("pagehide", () => {
    for (const [key, entry] of pending) {
      clearTimeout(entry.timer);
      pending.delete(key);
      // One that is already out needs no second request.
      if (!entry.sending) entry.flush();
    }
    changed();
  });
}
