import "server-only";
import { getPrisma } from "../client";
import type { Prisma } from "../generated/client";

/**
 * Deleting generations without stranding credits. A finished generation is removed at
 * once. A pending one cannot be: Pixapi is still working on it and will bill the studio,
 * so its credit hold must settle at the real cost (or be released if the task fails).
 * Such a row is only marked `deleted_at` (hidden from its owner from then on); the runner
 * or the tracker finishes it as usual and then removes it with removeDeletedGeneration.
 * The ledger entry outlives the row (generation_id becomes NULL), like every deletion:
 * deleting never refunds what was spent.
 */
export type DeleteOutcome = { state: "removed"; keys: string[] } | { state: "deferred" };

/** Null when a concurrent caller removed the row first. */
async function removeRow(tx: Prisma.TransactionClient, id: string): Promise<string[] | null> {
  // Read the files after the status moves above: a completion that won the race has
  // committed its output media by now, and they must go too.
  const media = await tx.media.findMany({ where: { generationId: id }, select: { storageKey: true, thumbKey: true } });
  const { count } = await tx.generation.deleteMany({ where: { id } });
  if (count === 0) return null;
  return media.flatMap((m) => [m.storageKey, ...(m.thumbKey ? [m.thumbKey] : [])]);
}

/** Null when the user has no such (visible) generation. */
export async function deleteGenerationForUser({ id, userId }: { id: string; userId: string }): Promise<DeleteOutcome | null> {
  return getPrisma().$transaction(async (tx) => {
    const gen = await tx.generation.findFirst({ where: { id, userId, deletedAt: null }, select: { id: true } });
    if (!gen) return null;
    const now = new Date();
    // Compare-and-set on the pending statuses: a concurrent completion either commits
    // first (this matches nothing, and the row is removed below as a finished one) or
    // waits for this mark and then finds it. The idempotency key is freed so a retry of
    // the same request makes a new generation instead of answering with a hidden one.
    const marked = await tx.generation.updateMany({
      where: { id, status: { in: ["queued", "running"] } },
      data: { deletedAt: now, idempotencyKey: null },
    });
    if (marked.count === 1) {
      // Never sent upstream: nothing will be billed, so release the hold and remove it now.
      const cancelled = await tx.generation.updateMany({
        where: { id, status: "queued" },
        data: { status: "failed", errorType: "deleted", errorMessage: "Deleted before it started.", completedAt: now },
      });
      if (cancelled.count === 0) return { state: "deferred" as const };
      await tx.usageEntry.updateMany({ where: { generationId: id, status: "held" }, data: { status: "released", settledAt: now } });
    }
    const keys = await removeRow(tx, id);
    return keys ? { state: "removed" as const, keys } : null;
  });
}

/**
 * Removes a generation that was deleted while pending, once it is finished (its hold
 * settled or released). Returns the storage keys to delete, or null when the row is not
 * (yet) such a generation. Safe to call twice.
 */
export async function removeDeletedGeneration({ id }: { id: string }): Promise<string[] | null> {
  // Every finished generation asks; almost none was deleted meanwhile. One plain read
  // answers them without a transaction; the transaction below re-checks the few that were.
  const deleted = await getPrisma().generation.count({ where: { id, deletedAt: { not: null } } });
  if (deleted === 0) return null;
  return getPrisma().$transaction(async (tx) => {
    const done = await tx.generation.findFirst({
      where: { id, deletedAt: { not: null }, status: { in: ["completed", "failed"] } },
      select: { id: true },
    });
    if (!done) return null;
    return removeRow(tx, id);
  });
}

/** Deleted generations that have finished but are still stored (e.g. a crash in between). */
export async function findFinishedDeletedGenerations({ limit = 50 }: { limit?: number } = {}): Promise<string[]> {
  const rows = await getPrisma().generation.findMany({
    where: { deletedAt: { not: null }, status: { in: ["completed", "failed"] } },
    select: { id: true },
    take: limit,
  });
  return rows.map((r) => r.id);
}

/**
 * Deletes several of the user's generations in one transaction, all or nothing: null (and
 * nothing written) when any id is not one of the user's visible generations. The same rules
 * as deleteGenerationForUser, set-wise: pending rows are marked (compare-and-set on the
 * pending statuses, which also locks them), queued ones are cancelled and their holds
 * released, running ones stay for the runner or tracker to finish (`deferred`), and
 * everything else goes now. Returns the storage keys of what went.
 */
export async function deleteGenerationsForUser({ ids, userId }: { ids: string[]; userId: string }): Promise<{ keys: string[]; deferred: number } | null> {
  return getPrisma().$transaction(async (tx) => {
    const visible = await tx.generation.count({ where: { id: { in: ids }, userId, deletedAt: null } });
    if (visible !== ids.length) return null;
    const now = new Date();
    await tx.generation.updateMany({ where: { id: { in: ids }, status: { in: ["queued", "running"] } }, data: { deletedAt: now, idempotencyKey: null } });
    const cancelled = await tx.generation.updateManyAndReturn({
      where: { id: { in: ids }, status: "queued" },
      data: { status: "failed", errorType: "deleted", errorMessage: "Deleted before it started.", completedAt: now },
      select: { id: true },
    });
    if (cancelled.length > 0) {
      await tx.usageEntry.updateMany({ where: { generationId: { in: cancelled.map((c) => c.id) }, status: "held" }, data: { status: "released", settledAt: now } });
    }
    // Marked rows are locked by this transaction, so a running one is still running here.
    const running = await tx.generation.findMany({ where: { id: { in: ids }, status: "running" }, select: { id: true } });
    const deferred = new Set(running.map((r) => r.id));
    const remove = ids.filter((id) => !deferred.has(id));
    const media = await tx.media.findMany({ where: { generationId: { in: remove } }, select: { storageKey: true, thumbKey: true } });
    await tx.generation.deleteMany({ where: { id: { in: remove } } });
    return { keys: media.flatMap((m) => [m.storageKey, ...(m.thumbKey ? [m.thumbKey] : [])]), deferred: deferred.size };
  });
}
