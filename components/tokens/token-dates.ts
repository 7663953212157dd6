/** Dates on the tokens page, in the reader's locale and time zone. Browser-safe. */
const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });

export function formatDay(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "Never", "Today", "3 days ago", or the date for anything older than a month. */
export function formatLastUsed(iso: string | null, now = Date.now()): string {
  if (!iso) return "Never";
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days < 30) return `${days} days ago`;
  return formatDay(iso);
}

export function formatExpiry(token: { expiresAt: string | null; expired: boolean }): string {
  if (!token.expiresAt) return "Never";
  return token.expired ? `Expired ${formatDay(token.expiresAt)}` : formatDay(token.expiresAt);
}
