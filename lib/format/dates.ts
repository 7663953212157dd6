import { LOCALE } from "./locale";

/**
 * Dates and times. Two kinds of data, two rules:
 * - days that are UTC buckets (budget periods, the usage chart and ledger) are shown in UTC,
 *   and say so where they appear;
 * - instants (when a generation was made) are shown in the viewer's own time zone.
 * Only ever called in the browser for instants, so the server's zone never leaks into markup.
 */
const utcDay = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", timeZone: "UTC" });
const utcDayYear = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const utcDateTime = new Intl.DateTimeFormat(LOCALE, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** A UTC day ("2026-03-05" or a full ISO instant): "Mar 5", or "Mar 5, 2026" with the year. */
export function formatUtcDay(isoDay: string, withYear = false): string {
  const day = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return (withYear ? utcDayYear : utcDay).format(day);
}

/** An instant in UTC, for tables whose header says "(UTC)": "Mar 5, 2026, 14:03". */
export function formatUtcDateTime(iso: string): string {
  return utcDateTime.format(new Date(iso));
}

/** An instant in the viewer's zone, date and time: "Mar 5, 2026, 2:03:07 PM". */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(LOCALE, { dateStyle: "medium", timeStyle: "medium" });
}

/** The time of an instant in the viewer's zone, with seconds: "2:03:07 PM". */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(LOCALE, { timeStyle: "medium" });
}

/** The time of an instant in the viewer's zone, short: "2:03 PM". */
export function formatClockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(LOCALE, { hour: "numeric", minute: "2-digit" });
}
