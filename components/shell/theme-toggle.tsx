"use client";

import { useSyncExternalStore } from "react";
import { THEME_COOKIE, type ThemeChoice } from "./theme";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemeChoice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const ICON: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };

const EVENT = "studio-theme-change";

function apply(choice: ThemeChoice) {
  const root = document.documentElement;
  root.setAttribute("data-theme-choice", choice);
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  root.classList.toggle("dark", dark);
  document.cookie = `${THEME_COOKIE}=${choice}; path=/; max-age=31536000; samesite=lax`;
  window.dispatchEvent(new Event(EVENT));
}

// The choice lives on <html> (set before paint by the boot script); React only reads it.
function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}

function readChoice(): ThemeChoice {
  const current = document.documentElement.getAttribute("data-theme-choice");
  return current === "light" || current === "dark" ? current : "system";
}

export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as ThemeChoice);
  const next = NEXT[choice];
  return (
    <button
      type="button"
      onClick={() => apply(next)}
      aria-label={`${LABEL[choice]} (switch to ${LABEL[next].toLowerCase()})`}
      title={LABEL[choice]}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-lg text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span aria-hidden>{ICON[choice]}</span>
    </button>
  );
}
