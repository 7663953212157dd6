import "server-only";
import { signMediaLink, verifyMediaLink } from "@/lib/storage/signed-url";
import { studioOrigin } from "./origin";

/**
 * data[].url and result.data[].url of the /v1 API: links to our own copy of an output,
 * usable without a token (like Pixapi's CDN links) and valid for an hour. Signed by the one
 * media-link signer (lib/storage/signed-url.ts) under the "v1-file" purpose, so a link opens
 * exactly one output and an input-image link cannot be replayed here.
 */
export function signedFileUrl({ mediaId, now }: { mediaId: string; now?: number }): string {
  return `${studioOrigin()}/v1/files/${mediaId}?${signMediaLink({ purpose: "v1-file", mediaId, now })}`;
}

export function verifyFileSignature(args: { mediaId: string; expires: string | null; sig: string | null; now?: number }): boolean {
  return verifyMediaLink({ purpose: "v1-file", ...args });
}

/** The media id a signed link of ours points at, if it is one (for input_image). */
export function parseSignedFileUrl(url: URL, now = Date.now()): string | null {
  if (url.origin !== studioOrigin()) return null;
  const m = /^\/v1\/files\/([a-f0-9]{32})$/.exec(url.pathname);
  if (!m) return null;
  const ok = verifyFileSignature({ mediaId: m[1]!, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig"), now });
  return ok ? m[1]! : null;
}
