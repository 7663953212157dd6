import { saveUserLocale } from "@/lib/account/locale";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { localeCookieString } from "@/lib/i18n/locales";
import { localeBodySchema } from "@/lib/validation/locale";

/**
 * Saves the signed-in user's studio language (account menu → Language). The cookie is set
 * too, so the sign-in page shown after signing out keeps speaking the same language.
 */
export const PUT = authedRoute(async ({ req, user }) => {
  const { locale } = await readJson(req, localeBodySchema);
  await saveUserLocale({ userId: user.id, locale });
  const secure = new URL(req.url).protocol === "https:" || (env().NEXTAUTH_URL ?? "").startsWith("https://");
  const response = json({ locale });
  response.headers.append("set-cookie", localeCookieString(locale, secure));
  return response;
});

export const { GET, POST, PATCH, DELETE } = unsupportedMethods("PUT");
