import "server-only";
import { z } from "zod";
import { canonicalModelId } from "@/lib/catalog";
import { listGenerationIdsForUser, listGenerationsForUser, type GenerationFilters } from "@/lib/db/queries/generation-reads";
import { collectionBelongsTo } from "@/lib/db/queries/collections";
import { AppError } from "@/lib/errors";
import type { JsonText } from "@/lib/http/route";
import { decodeCursor, pageOf } from "@/lib/http/cursor";
import { IDS_MAX } from "@/lib/validation/collections";
import { idSchema, safeText } from "@/lib/validation/safe-text";
import type { GenerationListView } from "./view";

/** GET /api/generations: ?limit, ?cursor and the gallery's filters. */
export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(24),
  cursor: z.string().max(200).optional(),
  kind: z.enum(["image", "edit", "video"]).optional(),
  status: z.enum(["queued", "running", "completed", "failed"]).optional(),
  model: safeText({ min: 1, max: 100 }).optional(),
  q: safeText({ min: 1, max: 200 }).optional(),
  favorite: z.enum(["1", "true"]).optional(),
  collection: idSchema.optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** The gallery's filters of a query, checked: another user's collection is as unknown as a missing one. */
async function filtersOf(userId: string, query: Omit<ListQuery, "limit" | "cursor">): Promise<GenerationFilters> {
  const { favorite, collection, model, ...rest } = query;
  if (collection && !(await collectionBelongsTo({ id: collection, userId }))) throw new AppError("not_found_error", "No such collection.");
  // Rows store canonical ids, so a filter by alias finds them too.
  return {
    ...rest,
    ...(model ? { model: canonicalModelId(model) } : {}),
    ...(favorite ? { favorite: true } : {}),
    ...(collection ? { collectionId: collection } : {}),
  };
}

/** GET /api/bulk/ids: the gallery's filters only (no paging). */
export const idsQuerySchema = listQuerySchema.omit({ limit: true, cursor: true }).strict();

/** Up to IDS_MAX ids matching the filters, newest first, and how many match in all ("select all"). */
export async function listMatchingIds({ userId, query }: { userId: string; query: z.infer<typeof idsQuerySchema> }): Promise<{ ids: string[]; total: number; limit: number }> {
  const found = await listGenerationIdsForUser({ userId, filters: await filtersOf(userId, query), limit: IDS_MAX });
  return { ...found, limit: IDS_MAX };
}

/**
 * A gallery page as the JSON text of a GenerationListView: the database writes each tile
 * (generation-reads.ts tileJson), this joins them. Typed by what it parses to.
 */
export async function listGenerations({ userId, query }: { userId: string; query: ListQuery }): Promise<JsonText<GenerationListView>> {
  const { limit, cursor, ...rest } = query;
  const filters = await filtersOf(userId, rest);
  // One extra row tells whether another page exists without a count query.
  const rows = await listGenerationsForUser({ userId, limit: limit + 1, cursor: cursor ? decodeCursor(cursor) : undefined, filters });
  const { items, nextCursor } = pageOf(rows, limit, (r) => r.tile);
  return `{"items":[${items.join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}` as JsonText<GenerationListView>;
}
