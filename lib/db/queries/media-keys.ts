import "server-only";
import { getPrisma } from "../client";

/**
 * Which of these storage keys a media row still references (as its file or its thumbnail).
 * The orphan sweep deletes the rest; it asks in batches, so the lists stay short.
 */
export async function findReferencedMediaKeys({ keys }: { keys: readonly string[] }): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const list = [...keys];
  const rows = await getPrisma().media.findMany({
    where: { OR: [{ storageKey: { in: list } }, { thumbKey: { in: list } }] },
    select: { storageKey: true, thumbKey: true },
  });
  const referenced = new Set<string>();
  for (const row of rows) {
    referenced.add(row.storageKey);
    if (row.thumbKey) referenced.add(row.thumbKey);
  }
  return referenced;
}
