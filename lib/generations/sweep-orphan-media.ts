import "server-only";
import { findReferencedMediaKeys } from "@/lib/db/queries/media-keys";
import { env } from "@/lib/env";
import { deleteObjects, listObjects } from "@/lib/storage";
import { sweepStaleIngestTemp } from "./ingest-temp";

/**
 * Removes stored objects no media row references: files of a generation whose delete
 * could not reach the store, or of a request that died between writing files and
 * committing its row. Objects younger than the grace period are left alone, because a
 * generation writes its files first and its row a moment later.
 */
const BATCH = 500;
const EVERY_MS = 15 * 60_000;

export interface SweepResult {
  scanned: number;
  deleted: string[];
}

export async function sweepOrphanMedia({
  now = new Date(),
  graceMs = env().MEDIA_ORPHAN_GRACE_MINUTES * 60_000,
}: { now?: Date; graceMs?: number } = {}): Promise<SweepResult> {
  const cutoff = now.getTime() - graceMs;
  const result: SweepResult = { scanned: 0, deleted: [] };
  let batch: string[] = [];
  const flush = async () => {
    const referenced = await findReferencedMediaKeys({ keys: batch });
    const orphans = batch.filter((key) => !referenced.has(key));
    if (orphans.length > 0) await deleteObjects({ keys: orphans });
    result.deleted.push(...orphans);
    batch = [];
  };
  for await (const object of listObjects({ prefix: "users/" })) {
    result.scanned += 1;
    if (object.modifiedAt.getTime() > cutoff) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return result;
}

let timer: NodeJS.Timeout | undefined;

/** Runs the sweep every 15 minutes (first after one); every instance may, deletes are idempotent. */
export function startOrphanSweeper(): void {
  if (timer) return;
  const run = async () => {
    try {
      const { deleted } = await sweepOrphanMedia();
      if (deleted.length > 0) console.log(`[studio] orphan sweep removed ${deleted.length} stored object(s) without a media row.`);
      const temp = await sweepStaleIngestTemp({ graceMs: env().MEDIA_ORPHAN_GRACE_MINUTES * 60_000 });
      if (temp.length > 0) console.log(`[studio] orphan sweep removed ${temp.length} download folder(s) a stopped process left in DATA_DIR/tmp.`);
    } catch (error) {
      console.error("[studio] orphan sweep failed:", error);
    } finally {
      timer = setTimeout(() => void run(), EVERY_MS).unref();
    }
  };
  timer = setTimeout(() => void run(), 60_000).unref();
}

export function stopOrphanSweeper(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
}
