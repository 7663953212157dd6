import type { LedgerEntryView, UsageKind } from "@/lib/usage/views";

export const KIND_LABEL: Record<UsageKind, string> = { image: "Image", edit: "Edit", video: "Video" };

export const STATUS_LABEL: Record<LedgerEntryView["status"], string> = { settled: "Charged", held: "On hold", released: "Released" };

export const SOURCE_LABEL: Record<LedgerEntryView["source"], string> = { estimate: "Estimate", reported: "Reported by Pixapi" };

/** Dates on the Usage page are UTC, like the budget periods they add up to. */
export function formatDay(isoDay: string, withYear = false): string {
  return new Date(`${isoDay.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const time = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  return `${date}, ${time}`;
}
