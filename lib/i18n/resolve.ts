import "server-only";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { DEFAULT_LOCALE, LOCALE_COOKIE, negotiateLocale, parseLocale, type Locale } from "./locales";

/**
 * The language of this request: the signed-in user's saved choice, else the cookie a switch
 * set (signed-out pages, or a user who never chose), else Accept-Language, else English.
 * getCurrentUser is cached per request, so the studio layout's session check reuses the read.
 */
export async function resolveLocale(): Promise<Locale> {
  const jar = await cookies();
  const hasSession = jar.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (hasSession) {
    const saved = parseLocale((await getCurrentUser())?.locale);
    if (saved) return saved;
  }
  return parseLocale(jar.get(LOCALE_COOKIE)?.value) ?? negotiateLocale((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

/**
 * The language of an API request (a route handler with no React scope: CSV exports, say):
 * the user's saved choice, else the cookie, else Accept-Language, else English.
 */
export function localeOfRequest(req: Request, saved: string | null | undefined): Locale {
  const cookie = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return parseLocale(saved) ?? parseLocale(cookie) ?? negotiateLocale(req.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}
