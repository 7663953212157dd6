import { readFileSync } from "node:fs";

/** Resident set size of a process in bytes (Linux /proc), or NaN when it cannot be read. */
export function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; `peak` is the highest seen. */
export function rssSampler(pid: number, everyMs = 100): { peak: () => number; stop: () => void } {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    const now = rssBytes(pid);
    if (now > peak || Number.isNaN(peak)) peak = now;
  }, everyMs);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}
