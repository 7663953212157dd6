import "server-only";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { renewLease } from "@/lib/db/queries/tracker";
import { env } from "@/lib/env";

/**
 * Database leases on generation rows. An instance running a generation (the upstream call
 * and its downloads) or polling its task holds the row's lease and renews it while the
 * work goes on, so another instance never mistakes slow work for a dead process: it takes
 * over or fails the row only once the lease has expired.
 */
export const instanceId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;

export function leaseMs(): number {
  return env().TRACKER_LEASE_MS;
}

export function leaseUntil(from = Date.now()): Date {
  return new Date(from + leaseMs());
}

/** Runs `work`, renewing this owner's lease on the row every third of the lease meanwhile. */
export async function withLeaseHeartbeat<T>(input: { id: string; owner: string }, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    renewLease({ id: input.id, owner: input.owner, leaseUntil: leaseUntil() }).catch((error: unknown) =>
      console.error(`[studio] lease renewal of ${input.id} failed:`, error),
    );
  }, Math.max(100, Math.floor(leaseMs() / 3)));
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
