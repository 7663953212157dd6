"use client";

import { Toaster as Sonner } from "sonner";
import { useDarkTheme } from "./use-theme";

/**
 * Where the studio's toasts appear (copy, delete with undo, errors that belong to no field,
 * "your video is ready"): bottom right (full width on phones),
 * in the page's own theme. Sonner's region is a polite live region, so screen readers hear them.
 */
export function Toaster() {
  const dark = useDarkTheme();
  return <Sonner theme={dark ? "dark" : "light"} position="bottom-right" closeButton richColors={false} toastOptions={{ className: "text-sm" }} />;
}
