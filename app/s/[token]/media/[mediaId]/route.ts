import { sharedMedia } from "@/lib/shares/service";
import { AppError } from "@/lib/errors";
import { serveMedia } from "@/lib/storage";
import { publicRoute, unsupportedMethods } from "@/lib/http/route";

/**
 * A shared result's file, without a session: the token must share the generation this
 * media is an output of. Inputs, other media and turned-off links are 404s, all alike.
 * Always streamed through the studio and never cached by anyone, so turning a link off
 * takes effect at once (a presigned store URL would outlive it).
 */
export const GET = publicRoute<{ token: string; mediaId: string }>(async ({ req, params }) => {
  const media = await sharedMedia({ token: params.token, mediaId: params.mediaId });
  if (!media) throw new AppError("not_found_error", "This link is not shared (any more).");
  const variant = new URL(req.url).searchParams.get("variant") === "thumb" ? "thumb" : "original";
  return serveMedia(req, media, { variant, download: false, cacheControl: "no-store", presigned: false });
}, { rateLimit: "share" });

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
