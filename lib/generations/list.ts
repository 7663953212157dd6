import "server-only";
import { z } from "zod";
import { canonicalModelId } from "@/lib/catalog";
import { listGenerationsForUser } from "@/lib/db/queries/generation-reads";
import { collectionBelongsTo } from "@/lib/db/queries/collections";
import { AppError } from "@/lib/errors";
import { idSchema, isValidId, safeText } from "@/lib/validation/safe-text";
import { zodFields } from "@/lib/http/zod-fields";
import { generationToView } from "./to-view";
import type { GenerationListView } from "./view";

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(24),
  cursor: z.string().max(200).optional(),
  kind: z.enum(["image", "edit", "video"]).optional(),
  status: z.enum(["queued", "running", "completed", "failed"]).optional(),
  model: safeText({ min: 1, max: 100 }).optional(),
  q: safeText({ min: 1, max: 200 }).optional(),
  favorite: z.enum(["1", "true"]).optional(),
  collection: idSchema.optional(),
});

/** Cursors are opaque to clients: base64url of "<createdAt ISO>|<id>" of the last row. */
function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  // A year outside what PostgreSQL's timestamptz holds would fail in the query: refuse it here.
  const year = createdAt.getUTCFullYear();
  if (!isValidId(id) || Number.isNaN(year) || year < 1970 || year > 9999) throw new AppError("invalid_request_error", "Invalid cursor.");
  return { createdAt, id };
}

export async function listGenerations({ userId, query }: { userId: string; query: URLSearchParams }): Promise<GenerationListView> {
  const raw = Object.fromEntries([...query.entries()].filter(([, v]) => v !== ""));
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    throw new AppError("invalid_request_error", Object.values(fields)[0] ?? "Invalid query.", { fields });
  }
  const { limit, cursor, favorite, collection, model, ...rest } = parsed.data;
  // Another user's collection is as unknown as a missing one.
  if (collection && !(await collectionBelongsTo({ id: collection, userId }))) throw new AppError("not_found_error", "No such collection.");
  // Rows store canonical ids, so a filter by alias finds them too.
  const filters = {
    ...rest,
    ...(model ? { model: canonicalModelId(model) } : {}),
    ...(favorite ? { favorite: true } : {}),
    ...(collection ? { collectionId: collection } : {}),
  };
  // One extra row tells whether another page exists without a count query.
  const rows = await listGenerationsForUser({ userId, limit: limit + 1, cursor: cursor ? decodeCursor(cursor) : undefined, filters });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(generationToView), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
