import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Personal API tokens: "psk_" + 256 random bits (base64url, 43 characters). The prefix
 * makes a leaked token recognisable to secret scanners and lets /v1 refuse anything else
 * at a glance. A plain SHA-256 is enough to store them: with 256 bits of randomness there
 * is nothing to brute-force, so a slow password hash would only cost time per request.
 */
export const TOKEN_PREFIX = "psk_";
const TOKEN_PATTERN = /^psk_[A-Za-z0-9_-]{43}$/;
/** How much of the token the list shows: the prefix plus four characters. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 4;

export function generateToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_CHARS) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
