/**
 * Everything the bench's studio starts with, written in SQL before the server opens the
 * database: the load users and the big gallery (see seed-users.ts and seed-gallery.ts).
 */
import type { BenchSize } from "./context";
import type { SqlConnection } from "./databases";
import { seedGallery } from "./seed-gallery";
import { seedUsers } from "./seed-users";

export const GALLERY_USER = "bench-gallery";
const OTHERS = "bench-others";

/** Seeds, and returns the gallery cursor 90 % of the way down the gallery user's list. */
export async function seedBench(db: SqlConnection, size: BenchSize): Promise<{ deepCursor: string }> {
  await seedUsers(db, { count: size.users, completed: 60 });
  await db.$executeRawUnsafe(
    `INSERT INTO users (id, email, updated_at) VALUES ($1, $1 || '@example.com', now()), ($2, $2 || '@example.com', now())`,
    GALLERY_USER,
    OTHERS,
  );
  await seedGallery(db, { userId: GALLERY_USER, otherUserId: OTHERS, rows: size.galleryRows, ownerEvery: size.galleryOwnerEvery });
  const owned = Math.floor(size.galleryRows / size.galleryOwnerEvery);
  const [deep] = await db.$queryRawUnsafe<{ created_at: Date | string; id: string }[]>(
    `SELECT created_at, id FROM generations WHERE user_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
    GALLERY_USER,
    Math.floor(owned * 0.9),
  );
  if (!deep) throw new Error("the gallery seed left no rows");
  // The same opaque cursor lib/generations/list.ts hands out: base64url("<ISO time>|<id>").
  return { deepCursor: Buffer.from(`${new Date(deep.created_at).toISOString()}|${deep.id}`).toString("base64url") };
}
