"use client";

import { useSyncExternalStore } from "react";
import { THEME_COOKIE, type ThemeChoice } from "./theme";

const EVENT = "studio-theme-change";

/** Applies a choice: the class on <html>, the cookie for the next server render, and a note to readers. */
export function applyTheme(choice: ThemeChoice) {
  const root = document.documentElement;
  root.setAttribute("data-theme-choice", choice);
  root.classList.toggle("dark", choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches));
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

const readDark = () => document.documentElement.classList.contains("dark");

/** The person's choice (light, dark or following the system). */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, readChoice, () => "system" as ThemeChoice);
}

/** Whether the page is dark right now, whatever made it so. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, readDark, () => false);
}
