import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Pixapi fetches an image-to-video input itself, so it needs a URL that works without a
 * session: ours, signed with HMAC-SHA256 and valid for a short time. Nothing else about
 * the media (owner, other files) is reachable through it.
 */
const TTL_SECONDS = 60 * 60;

/** Also signs the /v1 API's output links (lib/public-api/file-urls.ts, under its own purpose prefix). */
export function mediaSigningSecret(): string {
  const e = env();
  const s = e.MEDIA_URL_SECRET ?? (e.NEXTAUTH_SECRET ? `media-url:${e.NEXTAUTH_SECRET}` : undefined);
  if (!s) throw new Error("MEDIA_URL_SECRET (or NEXTAUTH_SECRET) must be set to sign media URLs.");
  return s;
}

function signature(mediaId: string, expires: number): string {
  return createHmac("sha256", mediaSigningSecret()).update(`${mediaId}.${expires}`).digest("base64url");
}

export function signedMediaUrl({ mediaId, now = Date.now() }: { mediaId: string; now?: number }): string {
  const e = env();
  const origin = (e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const expires = Math.floor(now / 1000) + TTL_SECONDS;
  return `${origin}/api/media/${mediaId}/public?expires=${expires}&sig=${signature(mediaId, expires)}`;
}

export function verifyMediaSignature({ mediaId, expires, sig, now = Date.now() }: { mediaId: string; expires: string | null; sig: string | null; now?: number }): boolean {
  const exp = Number(expires);
  if (!Number.isInteger(exp) || !sig || exp < Math.floor(now / 1000)) return false;
  const expected = Buffer.from(signature(mediaId, exp));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
