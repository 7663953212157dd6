/**
 * The studio's languages and how a request picks one. Browser-safe (pure functions): the
 * server resolves the locale per request (lib/i18n/resolve.ts), the language switches save
 * it, and both parse with the same rules.
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Signed-out visitors' (and every browser's last) choice; the user row wins when signed in. */
export const LOCALE_COOKIE = "studio-locale";
/** A year: a language choice is not something people expect to make again. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Each language named in itself, for the switches. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored or sent value, if it is one of ours (exactly; anything else is ignored). */
export function parseLocale(value: string | null | undefined): Locale | null {
  return isLocale(value) ? value : null;
}

/**
 * The best of our languages for an Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8"), or
 * null. Any Chinese tag counts as zh-CN (the only Chinese we have); q=0 means "not this".
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return null;
}

/** The cookie a browser-side switch writes for signed-out pages (same attributes as the API's). */
export function localeCookieString(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
