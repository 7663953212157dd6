import { serveFileLink } from "@/lib/public-api/files";
import { pixapiPublicRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/** An output behind a signed, time-limited link (data[].url of the /v1 API); no token. */
export const GET = pixapiPublicRoute<{ id: string }>(async ({ req, params }) => serveFileLink({ req, mediaId: params.id }));

export const { POST, PUT, PATCH, DELETE } = v1UnsupportedMethods("GET");
