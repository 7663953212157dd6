import "server-only";
import { extensionForType } from "@/lib/catalog";
import { getMediaById, getMediaForUser } from "@/lib/db/queries/media";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { openObject, signedGetUrl } from "./default-store";
import { parseRangeHeader } from "./range";
import { objectResponse } from "./response";
import { verifyMediaSignature } from "./signed-url";

/** What serving needs to know about a stored media file. */
export interface ServableMedia {
  id: string;
  mimeType: string;
  storageKey: string;
  thumbKey: string | null;
}

/** A signed store URL stays valid at least this long after the redirect that hands it out. */
const PRESIGNED_SECONDS = 300;

/**
 * Serves one of our media files (or its thumbnail) after the caller has checked who may see
 * it: streamed through the studio with byte ranges for video seeking, or, with
 * MEDIA_REDIRECT=presigned and a store that can sign URLs, a 302 to a short-lived URL of
 * the store so the bytes never pass through the studio (the store answers Range itself).
 */
export async function serveMedia(
  req: Request,
  media: ServableMedia,
  { variant, download, cacheControl, presigned = true }: { variant: "original" | "thumb"; download: boolean; cacheControl?: string; presigned?: boolean },
): Promise<Response> {
  const useThumb = variant === "thumb" && media.thumbKey;
  const key = useThumb ? (media.thumbKey as string) : media.storageKey;
  const disposition = download ? `attachment; filename="pixapi-${media.id.slice(0, 12)}.${extensionForType(media.mimeType) ?? "bin"}"` : "inline";

  // presigned: false for bytes whose access can be revoked (share links): a signed URL
  // handed out would keep working after the link is turned off.
  if (presigned && env().MEDIA_REDIRECT === "presigned") {
    const location = await signedGetUrl({ key, expiresInSeconds: PRESIGNED_SECONDS, contentDisposition: disposition, cacheControl: "private, max-age=300" });
    if (location) {
      // Cached briefly (well within the URL's life) so a gallery does not re-sign per view.
      return new Response(null, { status: 302, headers: { location, "cache-control": "private, max-age=120", "referrer-policy": "no-referrer" } });
    }
  }

  const range = useThumb ? null : parseRangeHeader(req.headers.get("range"));
  const opened = await openObject({ key, range: range ?? undefined });
  const res = objectResponse(opened, { partial: range !== null, ...(cacheControl ? { cacheControl } : {}) });
  res.headers.set("content-disposition", disposition);
  return res;
}

const noSuchMedia = () => new AppError("not_found_error", "No such media.");

/**
 * GET /api/media/[id]: the user's own file; ?variant=thumb for the WebP thumbnail or
 * video poster, ?download=1 to save it. Someone else's id is a 404, like none.
 */
export async function serveUserMedia({ req, userId, mediaId }: { req: Request; userId: string; mediaId: string }): Promise<Response> {
  const media = await getMediaForUser({ id: mediaId, userId });
  if (!media) throw noSuchMedia();
  const url = new URL(req.url);
  return serveMedia(req, media, { variant: url.searchParams.get("variant") === "thumb" ? "thumb" : "original", download: url.searchParams.has("download") });
}

/**
 * GET /api/media/[id]/public: an input image Pixapi fetches for image-to-video. No
 * session: the HMAC signature and its expiry are the authorisation, for this one id.
 */
export async function serveSignedInput({ req, mediaId }: { req: Request; mediaId: string }): Promise<Response> {
  const url = new URL(req.url);
  const ok = verifyMediaSignature({ mediaId, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig") });
  if (!ok) throw new AppError("permission_error", "This link is invalid or has expired.");
  const media = await getMediaById({ id: mediaId });
  if (!media || media.role !== "input") throw noSuchMedia();
  return serveMedia(req, media, { variant: "original", download: false, cacheControl: "private, max-age=300" });
}
