/**
 * Budget periods, always in UTC so every instance and every user agrees on when a period
 * starts, whatever the server's or the browser's time zone.
 */
export type PeriodKind = "month" | "week" | "day";

export interface Period {
  kind: PeriodKind;
  start: Date;
  /** Exclusive: the instant the next period starts (when the allowance resets). */
  end: Date;
}

const DAY_MS = 86_400_000;

export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function periodAt(kind: PeriodKind, at: Date = new Date()): Period {
  if (kind === "day") {
    const start = startOfUtcDay(at);
    return { kind, start, end: new Date(start.getTime() + DAY_MS) };
  }
  if (kind === "week") {
    // ISO weeks start on Monday; getUTCDay() is 0 for Sunday.
    const day = startOfUtcDay(at);
    const sinceMonday = (day.getUTCDay() + 6) % 7;
    const start = new Date(day.getTime() - sinceMonday * DAY_MS);
    return { kind, start, end: new Date(start.getTime() + 7 * DAY_MS) };
  }
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return { kind, start, end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) };
}

/** "1 December" style, in UTC, for "resets on ..." messages. */
export function formatResetDate(at: Date): string {
  return at.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
