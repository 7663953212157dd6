import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getUserById } from "@/lib/db/queries/users";
import { authOptions } from "./options";

import type { SessionUser } from "./request-user";

export { getRequestUser, type SessionUser } from "./request-user";

/**
 * The signed-in user for a Server Component, or null. Cached per request: the locale
 * resolution (lib/i18n/resolve.ts) and the studio layout's gate both ask.
 */
export const getCurrentUser = cache(async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById({ id });
  return user && !user.disabled ? user : null;
});

/** Pages behind the studio gate call this; no session means a trip to sign-in and back. */
export async function requireUser(returnTo = "/generate"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
