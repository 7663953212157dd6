import "server-only";
import { findApiTokenByHash, touchApiToken } from "@/lib/db/queries/api-tokens";
import { getUserById, type PublicUser } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { hashToken, isWellFormedToken } from "./token";

export interface TokenCaller {
  user: PublicUser;
  token: { id: string; name: string };
}

function unauthorized(message: string): AppError {
  return new AppError("authentication_error", message);
}

/**
 * The caller of a /v1 request, from `Authorization: Bearer psk_…` only. Cookies are never
 * looked at, so a browser session cannot be ridden into the API (and a page script
 * cannot spend through it). Revocation and expiry are checked on every request; the user
 * row is re-read so a disabled account stops at once.
 */
export async function authenticateToken(req: Request, now = new Date()): Promise<TokenCaller> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized("Missing API token. Send it as 'Authorization: Bearer psk_…' (create one on the studio's API tokens page).");
  const presented = match[1]!;
  if (!isWellFormedToken(presented)) throw unauthorized("Invalid API token. Studio tokens start with 'psk_'.");
  const token = await findApiTokenByHash({ tokenHash: hashToken(presented) });
  if (!token) throw unauthorized("Invalid API token.");
  if (token.revokedAt) throw unauthorized("This API token has been revoked.");
  if (token.expiresAt && token.expiresAt <= now) throw unauthorized("This API token has expired.");
  const user = await getUserById({ id: token.userId });
  if (!user || user.disabled) throw unauthorized("Invalid API token.");
  return { user, token: { id: token.id, name: token.name } };
}

/** Moves the token's "last used" (at most once a minute) after a call it made succeeded. */
export async function recordTokenUse(caller: TokenCaller, now = new Date()): Promise<void> {
  await touchApiToken({ id: caller.token.id, now });
}
