import { AppError } from "@/lib/errors";
import { pixapiPublicRoute } from "@/lib/public-api/route";

/** Anything else under /v1 answers like Pixapi: a JSON 404, never the studio's HTML page. */
const notFound = pixapiPublicRoute<{ path: string[] }>(async () => {
  throw new AppError("not_found_error", "Unknown API route. See the studio's API tokens page for the endpoints.");
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
