import type { Locale } from "@/lib/i18n/locales";
import { UNIT_WORDS } from "./locale";

export function numberFormatters(locale: Locale) {
  const credits = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const integers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const words = UNIT_WORDS[locale];

  /** Just the number: "1,500", "2.5", "0.33". */
  const formatCreditNumber = (amount: number): string => credits.format(amount);
  /** 2.5 → "2.5 credits", 1 → "1 credit", 1500 → "1,500 credits" (zh-CN: "2.5 积分"). */
  const formatCredits = (amount: number): string => `${credits.format(amount)} ${words.credit(amount)}`;
  /** A count as people read it: "4,000". */
  const formatCount = (n: number): string => integers.format(n);
  /** File sizes: "512 B", "42 KB", "3.1 MB". */
  const formatBytes = (bytes: number): string => {
    if (bytes < 1024) return `${formatCount(bytes)} B`;
    if (bytes < 1024 * 1024) return `${formatCount(Math.round(bytes / 1024))} KB`;
    return `${credits.format(Number((bytes / 1024 / 1024).toFixed(1)))} MB`;
  };
  /** A whole number of megabytes for limits: "20 MB". */
  const formatMegabytes = (bytes: number): string => `${credits.format(bytes / 1024 / 1024)} MB`;
  /** A share of a whole (0..1): "42%" ("42%" in zh-CN too, "42 %" where a locale spaces it). */
  const formatPercent = (ratio: number): string => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);

  return { formatCreditNumber, formatCredits, formatCount, formatBytes, formatMegabytes, formatPercent };
}
