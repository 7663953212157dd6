"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The generations started from each studio page in this browser tab, newest first: ids
 * only, in sessionStorage, so a reload or a trip to the gallery and back keeps them on
 * screen while a new tab starts clean. Each card loads (and polls) its generation itself
 * through the generation detail query, so whatever feeds that query (one poll per card
 * today, one shared pending-only poll later) feeds the results too.
 *
 * Alongside the list, each scope keeps the ids still being watched: started here and not
 * yet seen finished. The task watcher in the app shell polls only those, so it can say
 * "your video is ready" on whatever studio page the person is on.
 */
export type ResultsScope = "generate" | "edit" | "video";

const MAX_RESULTS = 30;
const EMPTY: readonly string[] = Object.freeze([]);

type Part = "results" | "watching";
const storageKey = (scope: ResultsScope, part: Part) => (part === "results" ? `pixapi-studio:results:${scope}` : `pixapi-studio:watching:${scope}`);

const snapshots = new Map<string, readonly string[]>();
const listeners = new Set<() => void>();

function read(scope: ResultsScope, part: Part): readonly string[] {
  const key = storageKey(scope, part);
  const cached = snapshots.get(key);
  if (cached) return cached;
  let ids: readonly string[] = EMPTY;
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? "[]");
    if (Array.isArray(parsed)) ids = parsed.filter((x): x is string => typeof x === "string").slice(0, MAX_RESULTS);
  } catch {
    // Unreadable or blocked storage: start empty.
  }
  snapshots.set(key, ids);
  return ids;
}

function write(scope: ResultsScope, part: Part, ids: readonly string[]): void {
  const key = storageKey(scope, part);
  snapshots.set(key, ids);
  try {
    window.sessionStorage.setItem(key, JSON.stringify(ids));
  } catch {
    // Storage full or blocked: the list still works for this page view.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const prepend = (ids: readonly string[], id: string) => [id, ...ids.filter((x) => x !== id)].slice(0, MAX_RESULTS);
const without = (ids: readonly string[], id: string) => ids.filter((x) => x !== id);

/** One page's results: add (newest first, and watched until it finishes), remove, clear. */
export function useResults(scope: ResultsScope) {
  const ids = useSyncExternalStore(
    subscribe,
    () => read(scope, "results"),
    () => EMPTY,
  );
  const add = useCallback((id: string) => {
    write(scope, "results", prepend(read(scope, "results"), id));
    write(scope, "watching", prepend(read(scope, "watching"), id));
  }, [scope]);
  const remove = useCallback((id: string) => write(scope, "results", without(read(scope, "results"), id)), [scope]);
  const clear = useCallback(() => write(scope, "results", EMPTY), [scope]);
  return { ids, add, remove, clear };
}

/** The ids of `scope` still being watched, and the way to stop watching one. */
export function useWatching(scope: ResultsScope) {
  const ids = useSyncExternalStore(
    subscribe,
    () => read(scope, "watching"),
    () => EMPTY,
  );
  const done = useCallback((id: string) => write(scope, "watching", without(read(scope, "watching"), id)), [scope]);
  return { ids, done };
}
