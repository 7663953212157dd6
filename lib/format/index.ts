/**
 * Every number, credit amount, date and duration the studio shows, formatted in one place,
 * through Intl. Browser-safe (no server imports). The plain exports below write English (server
 * messages, API envelopes, logs); components format in the reader's language with
 * useFormat() from lib/format/use-format.ts, which returns the same functions for the active
 * locale (formatterFor).
 */
import { LOCALE } from "./locale";
import { formatterFor } from "./formatter";

export { LOCALE };
export { formatterFor, type Formatter } from "./formatter";

const en = formatterFor(LOCALE);
export const {
  formatBytes,
  formatCount,
  formatCreditNumber,
  formatCredits,
  formatMegabytes,
  formatPercent,
  formatClockTime,
  formatDateTime,
  formatTime,
  formatUtcDateTime,
  formatUtcDay,
  formatClock,
  formatDuration,
  formatSeconds,
  formatWait,
} = en;
