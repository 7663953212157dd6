import type { Locale } from "@/lib/i18n/locales";

/**
 * The locale of the plain exports of lib/format (`formatCredits(…)` …): English, the language
 * of server messages and API envelopes. The UI formats through useFormat() (lib/format/
 * use-format.ts), which binds the same functions to the active locale.
 */
export const LOCALE: Locale = "en";

/** The few words Intl has no style for, per language. */
export interface UnitWords {
  credit: (n: number) => string;
  seconds: (text: string) => string;
  minutesSeconds: (m: number, s: number) => string;
  aSecond: string;
  wholeSeconds: (n: number) => string;
  aboutMinutes: (n: number) => string;
}

export const UNIT_WORDS: Record<Locale, UnitWords> = {
  en: {
    credit: (n) => (Math.abs(n) === 1 ? "credit" : "credits"),
    seconds: (text) => `${text} s`,
    minutesSeconds: (m, s) => `${m} min ${s} s`,
    aSecond: "a second",
    wholeSeconds: (n) => `${n} seconds`,
    aboutMinutes: (n) => `about ${n} minutes`,
  },
  "zh-CN": {
    credit: () => "积分",
    seconds: (text) => `${text} 秒`,
    minutesSeconds: (m, s) => `${m} 分 ${s} 秒`,
    aSecond: "1 秒",
    wholeSeconds: (n) => `${n} 秒`,
    aboutMinutes: (n) => `约 ${n} 分钟`,
  },
};
