import { AppError } from "@/lib/errors";

/**
 * A small semaphore in front of scrypt. Each hash takes 32 MiB and most of a core for
 * ~100 ms; without a cap, a burst of sign-ins (with made-up emails) takes all memory
 * and CPU. Up to MAX_RUNNING hashes run at once and MAX_WAITING wait; anyone beyond that
 * is told to come back (503 + Retry-After) instead of queueing without bound.
 */
export const MAX_RUNNING = 2;
export const MAX_WAITING = 16;

let running = 0;
const waiting: (() => void)[] = [];

export class HashingBusyError extends AppError {
  constructor() {
    super("service_unavailable", "The studio is busy signing people in. Try again in a moment.", { retryAfter: 2 });
    this.name = "HashingBusyError";
  }
}

export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new HashingBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** For tests: how many hashes run and wait right now. */
export function hashSlotStats(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
