import { AppError } from "@/lib/errors";
import { publicRoute, unsupportedMethods } from "@/lib/http/route";
import { renderSharePreview } from "@/lib/shares/preview";
import { loadPublicShare, sharedMedia } from "@/lib/shares/service";

/** The 1200×630 link-preview card of a shared generation (Open Graph / Twitter image). */
export const GET = publicRoute<{ token: string }>(async ({ params }) => {
  const share = await loadPublicShare(params.token);
  const first = share?.media[0];
  const media = first ? await sharedMedia({ token: params.token, mediaId: first.id }) : null;
  if (!media) throw new AppError("not_found_error", "This link is not shared (any more).");
  const jpeg = await renderSharePreview(media);
  return new Response(new Uint8Array(jpeg), {
    headers: { "content-type": "image/jpeg", "cache-control": "no-store", "x-content-type-options": "nosniff", "content-length": String(jpeg.length) },
  });
}, { rateLimit: "share" });

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
