import "server-only";
import { forgetRequestUser } from "@/lib/auth/request-user";
import { setUserLocale } from "@/lib/db/queries/users";
import type { Locale } from "@/lib/i18n/locales";

/** Saves the user's language on their row; pages rendered from now on use it. */
export async function saveUserLocale({ userId, locale }: { userId: string; locale: Locale }): Promise<void> {
  await setUserLocale({ id: userId, locale });
  forgetRequestUser(userId);
}
