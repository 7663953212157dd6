import "server-only";

/**
 * Full image decodes run one at a time per process. A decode holds the whole bitmap
 * (up to MAX_UPLOAD_PIXELS × 4 bytes, 160 MB) plus sharp's working memory; with several
 * uploads and thumbnails decoding at once, memory grew with the number of concurrent
 * requests. Waiting requests queue in arrival order (each is already bounded by the upload
 * limits and the per-user submit limit). Header reads (metadata) do not take a slot.
 */
export const MAX_DECODES = 1;

interface DecodeSlots {
  running: number;
  waiting: (() => void)[];
  /** The most decodes ever seen running at once (tests assert it never exceeds the cap). */
  peak: number;
  /** Decodes started since the process began. */
  total: number;
}

// On globalThis: Next bundles route handlers into several module graphs, and the cap is per process.
const holder = globalThis as typeof globalThis & { __studioDecodeSlots?: DecodeSlots };

function slots(): DecodeSlots {
  holder.__studioDecodeSlots ??= { running: 0, waiting: [], peak: 0, total: 0 };
  return holder.__studioDecodeSlots;
}

export async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  const s = slots();
  if (s.running >= MAX_DECODES) await new Promise<void>((resolve) => s.waiting.push(resolve));
  else s.running++;
  s.peak = Math.max(s.peak, s.running);
  s.total++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or free it.
    const next = s.waiting.shift();
    if (next) next();
    else s.running--;
  }
}

/** For tests: decodes running and waiting now, the highest number ever running at once, and how many ran. */
export function decodeSlotStats(): { running: number; waiting: number; peak: number; total: number } {
  const s = slots();
  return { running: s.running, waiting: s.waiting.length, peak: s.peak, total: s.total };
}

export function resetDecodeSlotPeak(): void {
  slots().peak = slots().running;
}
