import "server-only";
import { z } from "zod";
import { listUsageEntries, type LedgerRow } from "@/lib/db/queries/usage";
import { AppError } from "@/lib/errors";
import { zodFields } from "@/lib/http/zod-fields";
import { isValidId } from "@/lib/validation/safe-text";
import { milliToCredits } from "./format";
import type { LedgerEntryView, LedgerPageView } from "./views";

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

/** Opaque to clients: base64url of "<createdAt ISO>|<id>" of the last row. */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  // A year outside what PostgreSQL's timestamptz holds would fail in the query: refuse it here.
  const year = createdAt.getUTCFullYear();
  if (!isValidId(id) || Number.isNaN(year) || year < 1970 || year > 9999) throw new AppError("invalid_request_error", "Invalid cursor.");
  return { createdAt, id };
}

export function ledgerEntryToView(row: LedgerRow): LedgerEntryView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
    kind: row.kind,
    model: row.model,
    credits: milliToCredits(row.amountMilli),
    status: row.status,
    source: row.source,
    generationId: row.generationId,
  };
}

/** One page of the user's ledger, newest first. */
export async function listLedger({ userId, query }: { userId: string; query: URLSearchParams }): Promise<LedgerPageView> {
  const parsed = querySchema.safeParse(Object.fromEntries([...query.entries()].filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    throw new AppError("invalid_request_error", Object.values(fields)[0] ?? "Invalid query.", { fields });
  }
  const { limit, cursor } = parsed.data;
  const rows = await listUsageEntries({ userId, limit: limit + 1, cursor: cursor ? decodeCursor(cursor) : undefined });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(ledgerEntryToView), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

const CSV_COLUMNS = ["date", "kind", "model", "credits", "status", "source", "settled_at", "generation_id"] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes
 * doubled. Text that a spreadsheet would run as a formula (= + - @ at the start) gets a
 * leading apostrophe, so an export never executes anything when opened.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(fields: (string | number | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** The user's whole ledger as CSV, streamed page by page (newest first). */
export function ledgerCsvStream({ userId, pageSize = 500 }: { userId: string; pageSize?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: { createdAt: Date; id: string } | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow([...CSV_COLUMNS])));
        return;
      }
      if (done) return controller.close();
      const rows = await listUsageEntries({ userId, limit: pageSize, cursor });
      const last = rows[rows.length - 1];
      if (rows.length < pageSize || !last) done = true;
      else cursor = { createdAt: last.createdAt, id: last.id };
      const text = rows
        .map((r) =>
          csvRow([
            r.createdAt.toISOString(),
            r.kind,
            r.model,
            milliToCredits(r.amountMilli),
            r.status,
            r.source,
            r.settledAt?.toISOString() ?? null,
            r.generationId ?? "deleted",
          ]),
        )
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      if (done) controller.close();
    },
  });
}
