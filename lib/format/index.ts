/**
 * Every number, credit amount, date and duration the studio shows, formatted in one place.
 * Browser-safe (no server imports): components, route handlers and server messages all
 * use it, so the studio writes each kind of value one way.
 */
export { LOCALE } from "./locale";
export { formatBytes, formatCount, formatCreditNumber, formatCredits, formatMegabytes } from "./numbers";
export { formatClockTime, formatDateTime, formatTime, formatUtcDateTime, formatUtcDay } from "./dates";
export { formatClock, formatDuration, formatSeconds, formatWait } from "./durations";
