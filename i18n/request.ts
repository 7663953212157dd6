import { getRequestConfig } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/resolve";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

/** Both catalogs are small; importing them statically keeps the lookup a plain property read. */
const CATALOGS: Record<Locale, typeof en> = { en, "zh-CN": zhCN };

/**
 * next-intl's per-request configuration, without i18n routing: URLs carry no locale, the
 * language comes from the user row, the cookie or Accept-Language (lib/i18n/resolve.ts).
 */
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: CATALOGS[locale] };
});
