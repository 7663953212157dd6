import { AppError } from "@/lib/errors";
import { isValidId } from "@/lib/validation/safe-text";

/**
 * Keyset cursors for newest-first lists, opaque to clients: base64url of
 * "<createdAt ISO>|<id>" of the last row of a page.
 */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor({ createdAt, id }: Cursor): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

/** Throws a 400 AppError for anything this module did not write. */
export function decodeCursor(cursor: string): Cursor {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  // A year outside what PostgreSQL's timestamptz holds would fail in the query: refuse it here.
  const year = createdAt.getUTCFullYear();
  if (!isValidId(id) || Number.isNaN(year) || year < 1970 || year > 9999) throw new AppError("invalid_request_error", "Invalid cursor.");
  return { createdAt, id };
}

/**
 * One page from rows fetched with `limit + 1` (the extra row says whether another page
 * exists, without a count query).
 */
export function pageOf<R extends Cursor, V>(rows: R[], limit: number, toView: (row: R) => V): { items: V[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toView), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
