import { LOCALE } from "./locale";

const credits = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const integers = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** Just the number: "1,500", "2.5", "0.33". */
export function formatCreditNumber(amount: number): string {
  return credits.format(amount);
}

/** 2.5 → "2.5 credits", 1 → "1 credit", 1500 → "1,500 credits". */
export function formatCredits(amount: number): string {
  return `${credits.format(amount)} ${Math.abs(amount) === 1 ? "credit" : "credits"}`;
}

/** A count as people read it: "4,000". */
export function formatCount(n: number): string {
  return integers.format(n);
}

/** File sizes: "512 B", "42 KB", "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatCount(Math.round(bytes / 1024))} KB`;
  return `${credits.format(Number((bytes / 1024 / 1024).toFixed(1)))} MB`;
}

/** A whole number of megabytes for limits: "20 MB". */
export function formatMegabytes(bytes: number): string {
  return `${credits.format(bytes / 1024 / 1024)} MB`;
}
