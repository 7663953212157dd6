import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";

/** Dates on the tokens page, in the reader's language and time zone. */
export function useTokenDates() {
  const t = useTranslations("tokens.dates");
  const locale = useLocale();
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric" });
    const formatDay = (iso: string): string => dateFormat.format(new Date(iso));
    /** "Never", "Today", "3 days ago", or the date for anything older than a month. */
    const formatLastUsed = (iso: string | null, now = Date.now()): string => {
      if (!iso) return t("never");
      const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
      if (days <= 0) return t("today");
      if (days === 1) return t("yesterday");
      if (days < 30) return t("daysAgo", { days });
      return formatDay(iso);
    };
    const formatExpiry = (token: { expiresAt: string | null; expired: boolean }): string => {
      if (!token.expiresAt) return t("never");
      return token.expired ? t("expired", { day: formatDay(token.expiresAt) }) : formatDay(token.expiresAt);
    };
    return { formatDay, formatLastUsed, formatExpiry };
  }, [t, locale]);
}
