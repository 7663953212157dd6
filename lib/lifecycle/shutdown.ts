import "server-only";
import { closePrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { drainBackgroundUntil } from "@/lib/generations/background";
import { stopRunQueue } from "@/lib/generations/run-queue";
import { stopOrphanSweeper } from "@/lib/generations/sweep-orphan-media";
import { stopTracker } from "@/lib/generations/tracker";
import { requestsInFlight, startDraining, waitForNoRequests } from "./state";

export interface ShutdownReport {
  /** Every request that was running finished before the deadline. */
  requestsFinished: boolean;
  /** Every background job (upstream calls a request started) finished before the deadline. */
  backgroundFinished: boolean;
  /** Tracker leases handed back for another instance to take at once. */
  leasesReleased: number;
}

/**
 * SIGTERM: stop taking new work (requests answer 503, the tracker and the sweep stop), let
 * running requests, background jobs and tracker polls finish until the deadline, release
 * this instance's tracker leases, then close the database (PGlite writes its files).
 * Work cut off at the deadline is not lost: its rows are in the database, and another
 * instance (or this one after a restart) resumes it.
 */
export async function gracefulShutdown({ timeoutMs = env().SHUTDOWN_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<ShutdownReport> {
  const deadline = Date.now() + timeoutMs;
  startDraining();
  stopOrphanSweeper();
  // Runs not started yet stay queued in the database for the next start (or another instance).
  stopRunQueue();
  const [requestsFinished, first] = await Promise.all([waitForNoRequests(deadline), stopTracker({ deadline })]);
  const backgroundFinished = await drainBackgroundUntil(deadline);
  // A lease taken or kept while background work finished is handed back too.
  const leasesReleased = first.released + (await stopTracker({ deadline })).released;
  if (!requestsFinished) console.warn(`[studio] shutdown: ${requestsInFlight()} request(s) still running at the deadline.`);
  await closePrisma({ final: true });
  return { requestsFinished, backgroundFinished, leasesReleased };
}

let installed = false;

/**
 * Installed from instrumentation.ts. scripts/serve.mjs (`npm start`) only closes its HTTP
 * server and leaves the exit to this handler; the Docker image's standalone server gets
 * NEXT_MANUAL_SIG_HANDLE=1 so Next's own handler (which exits as soon as the HTTP server
 * closed, before leases are released and PGlite is flushed) stays out of the way.
 */
export function installShutdownHandlers(): void {
  if (installed) return;
  installed = true;
  // scripts/serve.mjs (same process) then leaves the exit to us.
  (globalThis as typeof globalThis & { __pixapiStudioShutdownInstalled?: boolean }).__pixapiStudioShutdownInstalled = true;
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`[studio] ${signal}: finishing running work, then stopping.`);
    gracefulShutdown()
      .then((report) => {
        console.log(`[studio] stopped cleanly (leases released: ${report.leasesReleased}).`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error("[studio] shutdown failed:", error);
        process.exit(1);
      });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
