import { authedRoute, unsupportedMethods } from "@/lib/http/route";
import { serveUserMedia } from "@/lib/storage";

/**
 * The user's own media file: ?variant=thumb for the WebP thumbnail or video poster,
 * ?download=1 to save it. Someone else's media id is a 404, indistinguishable from none.
 */
export const GET = authedRoute<{ id: string }>(async ({ req, user, params }) => serveUserMedia({ req, userId: user.id, mediaId: params.id }));

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
