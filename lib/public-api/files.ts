import "server-only";
import { getMediaById } from "@/lib/db/queries/media";
import { AppError } from "@/lib/errors";
import { serveMedia } from "@/lib/storage";
import { verifyFileSignature } from "./file-urls";

const badLink = () => new AppError("not_found_error", "This file link is invalid or has expired.");

/**
 * GET /v1/files/{id}: an output behind a signed, time-limited link (data[].url). No token,
 * like Pixapi's CDN links: the signature and its expiry cover exactly this one media id.
 */
export async function serveFileLink({ req, mediaId }: { req: Request; mediaId: string }): Promise<Response> {
  const url = new URL(req.url);
  if (!verifyFileSignature({ mediaId, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig") })) throw badLink();
  const media = await getMediaById({ id: mediaId });
  if (!media || media.role !== "output") throw badLink();
  return serveMedia(req, media, { variant: "original", download: false, cacheControl: "private, max-age=300" });
}
