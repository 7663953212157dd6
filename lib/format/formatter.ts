import type { Locale } from "@/lib/i18n/locales";
import { dateFormatters } from "./dates";
import { durationFormatters } from "./durations";
import { numberFormatters } from "./numbers";

export type Formatter = ReturnType<typeof build>;

function build(locale: Locale) {
  const numbers = numberFormatters(locale);
  return { locale, ...numbers, ...dateFormatters(locale), ...durationFormatters(locale, numbers.formatCount) };
}

const cache = new Map<Locale, Formatter>();

/** Every formatter bound to one locale; built once per locale (Intl objects are costly to make). */
export function formatterFor(locale: Locale): Formatter {
  let f = cache.get(locale);
  if (!f) {
    f = build(locale);
    cache.set(locale, f);
  }
  return f;
}
