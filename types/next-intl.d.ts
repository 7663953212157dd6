import type { Locale } from "@/lib/i18n/locales";
import type en from "@/messages/en.json";

// Typed keys: t("shell.nav.generate") is checked by tsc against the English catalog
// (tests/i18n/catalogs.test.ts keeps zh-CN in step with it).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
