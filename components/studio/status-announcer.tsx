"use client";

import { useEffect, useState } from "react";

/**
 * One polite live region for the whole studio: finished and failed generations are
 * announced here ("Result done: a lighthouse…"), once each, without moving focus. Result
 * cards call announce(); the region lives in the app shell.
 */
const listeners = new Set<(text: string) => void>();

export function announce(text: string): void {
  for (const listener of listeners) listener(text);
}

export function StatusAnnouncer() {
  const [text, setText] = useState("");
  useEffect(() => {
    const listener = (next: string) => {
      // Clearing first makes a repeat of the same sentence count as a change.
      setText("");
      requestAnimationFrame(() => setText(next));
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="status-announcer">
      {text}
    </div>
  );
}
