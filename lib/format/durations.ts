import type { Locale } from "@/lib/i18n/locales";
import { UNIT_WORDS } from "./locale";

export function durationFormatters(locale: Locale, formatCount: (n: number) => string) {
  const words = UNIT_WORDS[locale];
  const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    /** An elapsed time: "0.4 s", "12 s", "2 min 5 s". */
    formatSeconds(ms: number): string {
      const s = ms / 1000;
      if (s < 60) return words.seconds(s < 10 ? decimals.format(Number(s.toFixed(1))) : formatCount(Math.round(s)));
      const m = Math.floor(s / 60);
      return words.minutesSeconds(m, Math.round(s - m * 60));
    },
    /** A video's running time: "0:08" (the same in every language). */
    formatClock(ms: number): string {
      const total = Math.round(ms / 1000);
      return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
    },
    /** A requested length in whole seconds: "5 s". */
    formatDuration(seconds: number): string {
      return words.seconds(formatCount(seconds));
    },
    /** How long to wait: "a second", "42 seconds", "about 3 minutes". */
    formatWait(seconds: number): string {
      if (seconds <= 1) return words.aSecond;
      if (seconds < 90) return words.wholeSeconds(Math.ceil(seconds));
      return words.aboutMinutes(Math.ceil(seconds / 60));
    },
  };
}
