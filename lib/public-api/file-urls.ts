import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { mediaSigningSecret } from "@/lib/storage/signed-url";
import { studioOrigin } from "./origin";

/**
 * data[].url and result.data[].url of the /v1 API: links to our own copy of an output,
 * usable without a token (like Pixapi's CDN links) and valid for an hour. The HMAC covers
 * a purpose prefix, the media id and the expiry, so a link opens exactly one output and an
 * input-image link (lib/storage/signed-url.ts) cannot be replayed here.
 */
export const FILE_URL_TTL_SECONDS = 60 * 60;

function signature(mediaId: string, expires: number): string {
  return createHmac("sha256", mediaSigningSecret()).update(`v1-file:${mediaId}.${expires}`).digest("base64url");
}

export function signedFileUrl({ mediaId, now = Date.now() }: { mediaId: string; now?: number }): string {
  const expires = Math.floor(now / 1000) + FILE_URL_TTL_SECONDS;
  return `${studioOrigin()}/v1/files/${mediaId}?expires=${expires}&sig=${signature(mediaId, expires)}`;
}

export function verifyFileSignature({ mediaId, expires, sig, now = Date.now() }: { mediaId: string; expires: string | null; sig: string | null; now?: number }): boolean {
  const exp = Number(expires);
  if (!Number.isInteger(exp) || !sig || exp < Math.floor(now / 1000)) return false;
  const expected = Buffer.from(signature(mediaId, exp));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The media id a signed link of ours points at, if it is one (for input_image). */
export function parseSignedFileUrl(url: URL, now = Date.now()): string | null {
  if (url.origin !== studioOrigin()) return null;
  const m = /^\/v1\/files\/([a-f0-9]{32})$/.exec(url.pathname);
  if (!m) return null;
  const ok = verifyFileSignature({ mediaId: m[1]!, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig"), now });
  return ok ? m[1]! : null;
}
