import { getMediaForUser } from "@/lib/db/queries/media";
import { AppError } from "@/lib/errors";
import { authedRoute, unsupportedMethods } from "@/lib/http/route";
import { serveMedia } from "@/lib/storage";

/**
 * The user's own media file: ?variant=thumb for the WebP thumbnail or video poster,
 * ?download=1 to save it. Someone else's media id is a 404, indistinguishable from none.
 */
export const GET = authedRoute<{ id: string }>(async ({ req, user, params }) => {
  const media = await getMediaForUser({ id: params.id, userId: user.id });
  if (!media) throw new AppError("not_found_error", "No such media.");
  const url = new URL(req.url);
  return serveMedia(req, media, { variant: url.searchParams.get("variant") === "thumb" ? "thumb" : "original", download: url.searchParams.has("download") });
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
