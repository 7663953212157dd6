"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The videos started from this tab, newest first: ids only, in sessionStorage, so a reload
 * or a trip to the gallery and back keeps them on screen while a new tab starts clean.
 * (Same idea as the Generate and Edit pages' results list, whose store only knows those two
 * pages; a shared store taking "video" would replace this file.)
 */
const STORAGE_KEY = "pixapi-studio:results:video";
const MAX_RESULTS = 30;
const EMPTY: readonly string[] = Object.freeze([]);

let snapshot: readonly string[] | null = null;
const listeners = new Set<() => void>();

function read(): readonly string[] {
  if (snapshot) return snapshot;
  let ids: readonly string[] = EMPTY;
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "[]");
    if (Array.isArray(parsed)) ids = parsed.filter((x): x is string => typeof x === "string").slice(0, MAX_RESULTS);
  } catch {
    // Unreadable or blocked storage: start empty.
  }
  snapshot = ids;
  return ids;
}

function write(ids: readonly string[]): void {
  snapshot = ids;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // Full or blocked storage: the list still works for this page view.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useVideoResults() {
  const ids = useSyncExternalStore(subscribe, read, () => EMPTY);
  const add = useCallback((id: string) => write([id, ...read().filter((x) => x !== id)].slice(0, MAX_RESULTS)), []);
  const remove = useCallback((id: string) => write(read().filter((x) => x !== id)), []);
  const clear = useCallback(() => write(EMPTY), []);
  return { ids, add, remove, clear };
}
