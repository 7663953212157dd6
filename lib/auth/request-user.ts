import "server-only";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";
import { getUserById } from "@/lib/db/queries/users";

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getUserById>>>;

function parseCookies(header: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    const raw = part.slice(i + 1).trim();
    try {
      map.set(name, decodeURIComponent(raw));
    } catch {
      map.set(name, raw);
    }
  }
  return map;
}

/**
 * The signed-in user for an API request, read from the request itself (no Next request
 * scope needed, so handlers are testable in plain Node). The JWT alone is not trusted for
 * account state: the user row is re-read so a disabled or deleted account stops at once.
 */
export async function getRequestUser(req: Request): Promise<SessionUser | null> {
  const token = await getToken({
    req: { headers: req.headers, cookies: parseCookies(req.headers.get("cookie")) } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env().NEXTAUTH_SECRET,
  });
  if (!token?.uid) return null;
  const user = await getUserById({ id: token.uid });
  return user && !user.disabled ? user : null;
}
