import { publicRoute, unsupportedMethods } from "@/lib/http/route";
import { serveSignedInput } from "@/lib/storage";

/**
 * An input image Pixapi fetches for image-to-video. No session: the HMAC signature and
 * its expiry are the authorisation, and they cover exactly this one media id.
 */
export const GET = publicRoute<{ id: string }>(async ({ req, params }) => serveSignedInput({ req, mediaId: params.id }));

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
