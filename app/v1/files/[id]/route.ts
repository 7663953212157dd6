import { getMediaById } from "@/lib/db/queries/media";
import { AppError } from "@/lib/errors";
import { serveMedia } from "@/lib/storage";
import { verifyFileSignature } from "@/lib/public-api/file-urls";
import { pixapiPublicRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/**
 * An output behind a signed, time-limited link (data[].url of the /v1 API). No token, like
 * Pixapi's CDN links: the signature and its expiry cover exactly this one media id.
 */
export const GET = pixapiPublicRoute<{ id: string }>(async ({ req, params }) => {
  const url = new URL(req.url);
  if (!verifyFileSignature({ mediaId: params.id, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig") })) {
    throw new AppError("not_found_error", "This file link is invalid or has expired.");
  }
  const media = await getMediaById({ id: params.id });
  if (!media || media.role !== "output") throw new AppError("not_found_error", "This file link is invalid or has expired.");
  return serveMedia(req, media, { variant: "original", download: false, cacheControl: "private, max-age=300" });
});

export const { POST, PUT, PATCH, DELETE } = v1UnsupportedMethods("GET");
