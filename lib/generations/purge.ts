import "server-only";
import { deleteGenerationForUser, deleteGenerationsForUser, findFinishedDeletedGenerations, removeDeletedGeneration } from "@/lib/db/queries/delete-generation";
import { deleteObjects } from "@/lib/storage";

/**
 * Deleting a generation (DELETE /api/generations/[id]). A finished one goes at once with
 * its files; a pending one is hidden at once and removed by purgeIfDeleted when the runner
 * or the tracker has finished it, so its credit hold settles at what Pixapi really
 * charged (or is released) instead of staying held forever. False: no such generation.
 */
export async function deleteGeneration({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const outcome = await deleteGenerationForUser({ id, userId });
  if (!outcome) return false;
  if (outcome.state === "removed") await deleteObjects({ keys: outcome.keys });
  return true;
}

/**
 * Deletes several generations at once (the gallery's bulk delete), all or nothing, by the
 * same rules as one. False: at least one id is not one of the user's generations (nothing
 * was deleted).
 */
export async function deleteGenerations({ ids, userId }: { ids: string[]; userId: string }): Promise<boolean> {
  const outcome = await deleteGenerationsForUser({ ids, userId });
  if (!outcome) return false;
  if (outcome.keys.length > 0) await deleteObjects({ keys: outcome.keys });
  return true;
}

/** Called after a generation reaches a terminal status: finishes a deferred deletion. */
export async function purgeIfDeleted(id: string): Promise<void> {
  const keys = await removeDeletedGeneration({ id });
  if (keys) await deleteObjects({ keys });
}

/** Backstop for deletions a crash left half-done (finished, marked deleted, still stored). */
export async function purgeFinishedDeleted(): Promise<void> {
  for (const id of await findFinishedDeletedGenerations()) await purgeIfDeleted(id);
}
