import { getMediaById } from "@/lib/db/queries/media";
import { AppError } from "@/lib/errors";
import { publicRoute, unsupportedMethods } from "@/lib/http/route";
import { serveMedia, verifyMediaSignature } from "@/lib/storage";

/**
 * An input image Pixapi fetches for image-to-video. No session: the HMAC signature and
 * its expiry are the authorisation, and they cover exactly this one media id.
 */
export const GET = publicRoute<{ id: string }>(async ({ req, params }) => {
  const url = new URL(req.url);
  const ok = verifyMediaSignature({ mediaId: params.id, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig") });
  if (!ok) throw new AppError("permission_error", "This link is invalid or has expired.");
  const media = await getMediaById({ id: params.id });
  if (!media || media.role !== "input") throw new AppError("not_found_error", "No such media.");
  return serveMedia(req, media, { variant: "original", download: false, cacheControl: "private, max-age=300" });
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
