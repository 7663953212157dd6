import "server-only";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";
import { getUserById, type PublicUser } from "@/lib/db/queries/users";

export type SessionUser = PublicUser;

/**
 * How long this instance trusts a user row it has read. Every open tab polls, and reading
 * the user again on each poll was a database round trip per request; within this window a
 * disable or a role change made on another instance takes effect (on this instance, the
 * admin route calls forgetRequestUser and it takes effect at once).
 */
export const USER_CACHE_MS = 5_000;
/** Decoded session tokens kept, by token: decryption (HKDF + AES-GCM) is the CPU cost of a read. */
const TOKEN_CACHE_MAX = 10_000;
const USER_CACHE_MAX = 10_000;

interface CachedToken {
  uid: string | null;
  /** ms epoch after which the JWT itself has expired. */
  expiresAt: number;
}

interface CachedUser {
  at: number;
  user: Promise<PublicUser | null>;
}

interface Caches {
  tokens: Map<string, CachedToken>;
  users: Map<string, CachedUser>;
}

const holder = globalThis as typeof globalThis & { __studioRequestUser?: Caches };

function caches(): Caches {
  holder.__studioRequestUser ??= { tokens: new Map(), users: new Map() };
  return holder.__studioRequestUser;
}

/** Inserts, evicting the oldest entry when full (Map keeps insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

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
 * The session token's user id. A JWT never changes, so its decoded payload is cached by the
 * token string until the token expires; only a token this instance has not seen yet is
 * decrypted. next-auth splits large tokens into chunked cookies: their joined text is the key.
 */
async function sessionUid(req: Request): Promise<string | null> {
  const cookies = parseCookies(req.headers.get("cookie"));
  const raw = [...cookies.entries()]
    .filter(([name]) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`)))
    .map(([name, value]) => `${name}=${value}`)
    .join(";");
  if (!raw) return null;
  const key = raw;
  const now = Date.now();
  const { tokens } = caches();
  const hit = tokens.get(key);
  if (hit && hit.expiresAt > now) return hit.uid;

  // Sessions come from the cookie only: getToken would also take a session JWT sent as
  // `Authorization: Bearer`, which /api must refuse (that header is for /v1's psk_ tokens).
  const token = await getToken({
    req: { headers: new Headers({ cookie: req.headers.get("cookie") ?? "" }), cookies } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env().NEXTAUTH_SECRET,
  });
  const uid = typeof token?.uid === "string" ? token.uid : null;
  const exp = typeof token?.exp === "number" ? token.exp * 1000 : now + 60_000;
  // An undecodable cookie is remembered briefly too, so garbage cannot cost a decryption per request.
  remember(tokens, key, { uid, expiresAt: uid ? exp : now + 60_000 }, TOKEN_CACHE_MAX);
  return uid;
}

/** The user row, read at most once per USER_CACHE_MS per instance (concurrent reads share one query). */
function cachedUser(id: string): Promise<PublicUser | null> {
  const now = Date.now();
  const { users } = caches();
  const hit = users.get(id);
  if (hit && now - hit.at < USER_CACHE_MS) return hit.user;
  const user = getUserById({ id });
  remember(users, id, { at: now, user }, USER_CACHE_MAX);
  // A failed read is not cached: the next request asks the database again.
  user.catch(() => {
    if (users.get(id)?.user === user) users.delete(id);
  });
  return user;
}

/**
 * The signed-in user for an API request, read from the request itself (no Next request
 * scope needed, so handlers are testable in plain Node). The JWT alone is not trusted for
 * account state: the user row decides (disabled or deleted accounts stop), read at most
 * every USER_CACHE_MS per instance.
 */
export async function getRequestUser(req: Request): Promise<SessionUser | null> {
  const uid = await sessionUid(req);
  if (!uid) return null;
  const user = await cachedUser(uid);
  return user && !user.disabled ? user : null;
}

/** Drops this instance's cached row of a user whose state just changed (disable, role). */
export function forgetRequestUser(id: string): void {
  caches().users.delete(id);
}

/** Tests that change user rows behind the studio's back start from an empty cache. */
export function resetRequestUserCache(): void {
  caches().tokens.clear();
  caches().users.clear();
}
