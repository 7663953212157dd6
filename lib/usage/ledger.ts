import "server-only";
import { z } from "zod";
import { listUsageEntries, type LedgerRow } from "@/lib/db/queries/usage";
import { decodeCursor, pageOf } from "@/lib/http/cursor";
import { milliToCredits } from "./format";
import type { LedgerEntryView, LedgerPageView } from "./views";

/** GET /api/usage: ?limit and ?cursor. */
export const ledgerQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

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
export async function listLedger({ userId, query }: { userId: string; query: LedgerQuery }): Promise<LedgerPageView> {
  const { limit, cursor } = query;
  const rows = await listUsageEntries({ userId, limit: limit + 1, cursor: cursor ? decodeCursor(cursor) : undefined });
  return pageOf(rows, limit, ledgerEntryToView);
}

/** The CSV's columns; the header row names them in the reader's language (the values stay codes). */
export const CSV_COLUMNS = ["date", "kind", "model", "credits", "status", "source", "settledAt", "generationId"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const CSV_HEADER: Record<CsvColumn, string> = {
  date: "date",
  kind: "kind",
  model: "model",
  credits: "credits",
  status: "status",
  source: "source",
  settledAt: "settled_at",
  generationId: "generation_id",
};

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
export function ledgerCsvStream({
  userId,
  pageSize = 500,
  header = (column) => CSV_HEADER[column],
}: {
  userId: string;
  pageSize?: number;
  header?: (column: CsvColumn) => string;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: { createdAt: Date; id: string } | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(CSV_COLUMNS.map(header))));
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
