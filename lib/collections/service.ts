import "server-only";
import {
  changeCollectionItems,
  createCollection,
  deleteCollection,
  DuplicateCollectionName,
  listCollectionsForUser,
  renameCollection,
  setFavorite,
  type CollectionRow,
} from "@/lib/db/queries/collections";
import { AppError } from "@/lib/errors";
import type { CollectionView } from "./view";

/** Favorites and collections for the route handlers: rows in, views and AppErrors out. */
export const collectionNotFound = () => new AppError("not_found_error", "No such collection.");
const itemsNotFound = () => new AppError("not_found_error", "No such collection, or one of the items isn't in your gallery.");
const duplicate = (name: string) => new AppError("conflict_error", `You already have a collection named “${name}”.`, { fields: { name: "That name is taken." } });

export function collectionToView(c: CollectionRow): CollectionView {
  return { id: c.id, name: c.name, itemCount: c.itemCount, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}

export async function listCollections(userId: string): Promise<CollectionView[]> {
  return (await listCollectionsForUser({ userId })).map(collectionToView);
}

async function mapDuplicate<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DuplicateCollectionName) throw duplicate(name);
    throw error;
  }
}

export async function addCollection(userId: string, name: string): Promise<CollectionView> {
  return collectionToView(await mapDuplicate(name, () => createCollection({ userId, name })));
}

export async function updateCollection(userId: string, id: string, name: string): Promise<CollectionView> {
  const row = await mapDuplicate(name, () => renameCollection({ id, userId, name }));
  if (!row) throw collectionNotFound();
  return collectionToView(row);
}

export async function removeCollection(userId: string, id: string): Promise<void> {
  if (!(await deleteCollection({ id, userId }))) throw collectionNotFound();
}

export async function changeItems(userId: string, collectionId: string, ids: string[], op: "add" | "remove"): Promise<CollectionView> {
  const row = await changeCollectionItems({ collectionId, userId, ids, op });
  if (!row) throw itemsNotFound();
  return collectionToView(row);
}

export async function favorite(userId: string, ids: string[], value: boolean): Promise<void> {
  if (!(await setFavorite({ userId, ids, favorite: value }))) throw new AppError("not_found_error", ids.length === 1 ? "No such generation." : "One of the items isn't in your gallery.");
}
