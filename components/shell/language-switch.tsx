"use client";

import { LanguagesIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES, parseLocale } from "@/lib/i18n/locales";
import { useChangeLanguage } from "./use-change-language";

/** The language choice on signed-out pages (sign-in, sign-up): a labelled native select. */
export function LanguageSwitch() {
  const t = useTranslations("language");
  const locale = useLocale();
  const { change, pending, failed } = useChangeLanguage({ signedIn: false });
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <LanguagesIcon size={16} aria-hidden />
      <span className="sr-only">{t("label")}</span>
      <select
        value={locale}
        disabled={pending}
        aria-invalid={failed || undefined}
        onChange={(e) => {
          const next = parseLocale(e.target.value);
          if (next) void change(next);
        }}
        className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
