import "server-only";
import { env } from "@/lib/env";

/**
 * When the tracker polls an async task: the first poll after submitting (run.ts) and the
 * backoff between polls (tracker.ts). Kept apart from both so neither imports the other.
 */
const MAX_BACKOFF_MS = 15_000;

export function firstPollDelayMs(kind: "image" | "edit" | "video"): number {
  return env().TRACKER_POLL_MS * (kind === "video" ? 2 : 1);
}

/** Exponential backoff with jitter (±20%), so many tasks submitted together spread out. */
export function backoffMs(attempts: number, base = env().TRACKER_POLL_MS, random = Math.random): number {
  const raw = Math.min(base * 1.5 ** attempts, Math.max(MAX_BACKOFF_MS, base));
  return Math.round(raw * (0.8 + 0.4 * random()));
}
