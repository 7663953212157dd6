import "server-only";
import { getPrisma } from "../client";
import { isUniqueViolation } from "../errors";

/**
 * Collections and their items, always scoped by user. A request naming any generation or
 * collection the user does not own gets `null` back (the route's 404) and writes nothing.
 */
export interface CollectionRow {
  id: string;
  name: string;
  itemCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const select = { id: true, name: true, createdAt: true, updatedAt: true, _count: { select: { items: { where: { generation: { deletedAt: null } } } } } } as const;

function toRow(c: { id: string; name: string; createdAt: Date; updatedAt: Date; _count: { items: number } }): CollectionRow {
  return { id: c.id, name: c.name, createdAt: c.createdAt, updatedAt: c.updatedAt, itemCount: c._count.items };
}

export class DuplicateCollectionName extends Error {}

export async function listCollectionsForUser({ userId }: { userId: string }): Promise<CollectionRow[]> {
  const rows = await getPrisma().collection.findMany({ where: { userId }, orderBy: [{ name: "asc" }, { id: "asc" }], select });
  return rows.map(toRow);
}

export async function collectionBelongsTo({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  return (await getPrisma().collection.count({ where: { id, userId } })) === 1;
}

export async function createCollection({ userId, name }: { userId: string; name: string }): Promise<CollectionRow> {
  try {
    return toRow(await getPrisma().collection.create({ data: { userId, name }, select }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateCollectionName(name);
    throw error;
  }
}

export async function renameCollection({ id, userId, name }: { id: string; userId: string; name: string }): Promise<CollectionRow | null> {
  try {
    const { count } = await getPrisma().collection.updateMany({ where: { id, userId }, data: { name } });
    if (count !== 1) return null;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateCollectionName(name);
    throw error;
  }
  const row = await getPrisma().collection.findFirst({ where: { id, userId }, select });
  return row ? toRow(row) : null;
}

/** Deletes the collection (its memberships cascade); the generations stay. */
export async function deleteCollection({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const { count } = await getPrisma().collection.deleteMany({ where: { id, userId } });
  return count === 1;
}

/** True when every id is one of the user's generations. */
async function ownsAll(tx: Pick<ReturnType<typeof getPrisma>, "generation">, userId: string, ids: string[]): Promise<boolean> {
  return (await tx.generation.count({ where: { userId, id: { in: ids }, deletedAt: null } })) === ids.length;
}

/**
 * Adds (or removes) generations to (from) a collection in one transaction. Null when the
 * collection or any generation isn't the user's; nothing is written then. Adding an item
 * already there (or removing one that isn't) is not an error.
 */
export async function changeCollectionItems(input: { collectionId: string; userId: string; ids: string[]; op: "add" | "remove" }): Promise<CollectionRow | null> {
  return getPrisma().$transaction(async (tx) => {
    const owned = await tx.collection.count({ where: { id: input.collectionId, userId: input.userId } });
    if (owned !== 1 || !(await ownsAll(tx, input.userId, input.ids))) return null;
    if (input.op === "add") {
      await tx.collectionItem.createMany({ data: input.ids.map((generationId) => ({ collectionId: input.collectionId, generationId })), skipDuplicates: true });
    } else {
      await tx.collectionItem.deleteMany({ where: { collectionId: input.collectionId, generationId: { in: input.ids } } });
    }
    // Touch it, so "recently changed" means something and the count below is current.
    const row = await tx.collection.update({ where: { id: input.collectionId }, data: { updatedAt: new Date() }, select });
    return toRow(row);
  });
}

/** Stars or unstars the user's generations; false (nothing written) if any id isn't theirs. */
export async function setFavorite(input: { userId: string; ids: string[]; favorite: boolean }): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    if (!(await ownsAll(tx, input.userId, input.ids))) return false;
    await tx.generation.updateMany({ where: { userId: input.userId, id: { in: input.ids } }, data: { favorite: input.favorite } });
    return true;
  });
}
