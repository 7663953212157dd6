import "server-only";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./locales";

const CATALOGS: Record<Locale, typeof en> = { en, "zh-CN": zhCN };

/** A translator outside React (route handlers such as the CSV export). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGS[locale] });
}
