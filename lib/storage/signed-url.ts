import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The one signer for media links that work without a session: HMAC-SHA256 over a purpose,
 * the media id and an expiry, valid for an hour. Two kinds exist:
 *  - "pixapi-input": /api/media/<id>/public, which Pixapi fetches for an image-to-video input;
 *  - "v1-file": /v1/files/<id>, the /v1 API's output links (lib/public-api/file-urls.ts).
 * The purpose is part of what is signed, so a link of one kind cannot be replayed as the other,
 * and nothing else about the media (owner, other files) is reachable through either.
 */
export const SIGNED_LINK_TTL_SECONDS = 60 * 60;

export type SignedLinkPurpose = "pixapi-input" | "v1-file";

// Input links were signed without a prefix before v1 links existed; kept so links already handed out still verify.
const PREFIX: Record<SignedLinkPurpose, string> = { "pixapi-input": "", "v1-file": "v1-file:" };

function secret(): string {
  const e = env();
  const s = e.MEDIA_URL_SECRET ?? (e.NEXTAUTH_SECRET ? `media-url:${e.NEXTAUTH_SECRET}` : undefined);
  if (!s) throw new Error("MEDIA_URL_SECRET (or NEXTAUTH_SECRET) must be set to sign media URLs.");
  return s;
}

function signature(purpose: SignedLinkPurpose, mediaId: string, expires: number): string {
  return createHmac("sha256", secret()).update(`${PREFIX[purpose]}${mediaId}.${expires}`).digest("base64url");
}

/** The `expires=…&sig=…` query that makes a link to this media valid for the purpose. */
export function signMediaLink({ purpose, mediaId, now = Date.now() }: { purpose: SignedLinkPurpose; mediaId: string; now?: number }): string {
  const expires = Math.floor(now / 1000) + SIGNED_LINK_TTL_SECONDS;
  return `expires=${expires}&sig=${signature(purpose, mediaId, expires)}`;
}

export function verifyMediaLink({ purpose, mediaId, expires, sig, now = Date.now() }: { purpose: SignedLinkPurpose; mediaId: string; expires: string | null; sig: string | null; now?: number }): boolean {
  const exp = Number(expires);
  if (!Number.isInteger(exp) || !sig || exp < Math.floor(now / 1000)) return false;
  const expected = Buffer.from(signature(purpose, mediaId, exp));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The link Pixapi fetches an image-to-video input from (on PUBLIC_URL, which Pixapi can reach). */
export function signedMediaUrl({ mediaId, now }: { mediaId: string; now?: number }): string {
  const e = env();
  const origin = (e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return `${origin}/api/media/${mediaId}/public?${signMediaLink({ purpose: "pixapi-input", mediaId, now })}`;
}

export function verifyMediaSignature(args: { mediaId: string; expires: string | null; sig: string | null; now?: number }): boolean {
  return verifyMediaLink({ purpose: "pixapi-input", ...args });
}
