import { formatCount } from "./numbers";

/** An elapsed time: "0.4 s", "12 s", "2 min 5 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1).replace(/\.0$/, "") : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** A video's running time: "0:08". */
export function formatClock(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** A requested length in whole seconds: "5 s". */
export function formatDuration(seconds: number): string {
  return `${formatCount(seconds)} s`;
}

/** How long to wait: "a second", "42 seconds", "about 3 minutes". */
export function formatWait(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `about ${Math.ceil(seconds / 60)} minutes`;
}
