import { useLocale } from "next-intl";
import { parseLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { formatterFor, type Formatter } from "./formatter";

/** lib/format's functions in the language the page is shown in. */
export function useFormat(): Formatter {
  return formatterFor(parseLocale(useLocale()) ?? DEFAULT_LOCALE);
}
