import "server-only";
import { failGeneration } from "@/lib/db/queries/generations";
import { findOrphanedGenerations } from "@/lib/db/queries/tracker";
import { env } from "@/lib/env";
import { purgeFinishedDeleted } from "./purge";
import { enqueueRun, isQueuedHere, queuedHere } from "./run-queue";

/** Picks up what a stopped process left: queued rows are run, interrupted calls are failed. */
export async function recoverOrphans({ now = new Date() }: { now?: Date } = {}): Promise<void> {
  const orphans = await findOrphanedGenerations({
    queuedBefore: new Date(now.getTime() - 30_000),
    now,
    unleasedBefore: new Date(now.getTime() - env().PIXAPI_TIMEOUT_MS - 60_000),
    notQueuedIn: queuedHere(),
  });
  // Rows waiting in this instance's run queue are not orphans; any other queued row is run
  // here (runGeneration lets only one runner move it to running).
  for (const id of orphans.queued) if (!isQueuedHere(id)) enqueueRun(id);
  for (const id of orphans.interrupted) {
    await failGeneration({
      id,
      leaseExpiredBy: now,
      errorType: "interrupted",
      errorMessage: "The studio restarted while this generation was running. Your credits were released; please try again.",
    });
  }
  await purgeFinishedDeleted();
}
