import type { Locale } from "@/lib/i18n/locales";

/**
 * Dates and times. Two kinds of data, two rules:
 * - days that are UTC buckets (budget periods, the usage chart and ledger) are shown in UTC,
 *   and say so where they appear;
 * - instants (when a generation was made) are shown in the viewer's own time zone.
 * Only ever called in the browser for instants, so the server's zone never leaks into markup.
 */
export function dateFormatters(locale: Locale) {
  const utcDay = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const utcDayYear = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const utcDateTime = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  });

  return {
    /** A UTC day ("2026-03-05" or a full ISO instant): "Mar 5", or "Mar 5, 2026" with the year. */
    formatUtcDay(isoDay: string, withYear = false): string {
      const day = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
      return (withYear ? utcDayYear : utcDay).format(day);
    },
    /** An instant in UTC, for tables whose header says "(UTC)": "Mar 5, 2026, 14:03". */
    formatUtcDateTime(iso: string): string {
      return utcDateTime.format(new Date(iso));
    },
    /** An instant in the viewer's zone, date and time: "Mar 5, 2026, 2:03:07 PM". */
    formatDateTime(iso: string): string {
      return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium" });
    },
    /** The time of an instant in the viewer's zone, with seconds: "2:03:07 PM". */
    formatTime(iso: string): string {
      return new Date(iso).toLocaleTimeString(locale, { timeStyle: "medium" });
    },
    /** The time of an instant in the viewer's zone, short: "2:03 PM". */
    formatClockTime(iso: string): string {
      return new Date(iso).toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit" });
    },
  };
}
