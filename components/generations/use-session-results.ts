"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The generations submitted from one page in this browser tab, newest first. Kept in
 * sessionStorage so a reload or a trip to the gallery and back keeps them on screen;
 * a new tab starts clean. Only ids are stored: each card loads its generation itself.
 */
export type ResultsScope = "generate" | "edit";

const MAX_RESULTS = 30;
const EMPTY: readonly string[] = Object.freeze([]);
const storageKey = (scope: ResultsScope) => `pixapi-studio:results:${scope}`;

const snapshots = new Map<ResultsScope, readonly string[]>();
const listeners = new Set<() => void>();

function read(scope: ResultsScope): readonly string[] {
  const cached = snapshots.get(scope);
  if (cached) return cached;
  let ids: readonly string[] = EMPTY;
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(storageKey(scope)) ?? "[]");
    if (Array.isArray(parsed)) ids = parsed.filter((x): x is string => typeof x === "string").slice(0, MAX_RESULTS);
  } catch {
    // Unreadable or blocked storage: start empty.
  }
  snapshots.set(scope, ids);
  return ids;
}

function write(scope: ResultsScope, ids: readonly string[]): void {
  snapshots.set(scope, ids);
  try {
    window.sessionStorage.setItem(storageKey(scope), JSON.stringify(ids));
  } catch {
    // Storage full or blocked: the list still works for this page view.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionResults(scope: ResultsScope) {
  const ids = useSyncExternalStore(
    subscribe,
    () => read(scope),
    () => EMPTY,
  );
  const add = useCallback((id: string) => write(scope, [id, ...read(scope).filter((x) => x !== id)].slice(0, MAX_RESULTS)), [scope]);
  const remove = useCallback((id: string) => write(scope, read(scope).filter((x) => x !== id)), [scope]);
  const clear = useCallback(() => write(scope, EMPTY), [scope]);
  return { ids, add, remove, clear };
}
