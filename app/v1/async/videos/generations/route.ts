import { asyncVideosGenerations } from "@/lib/public-api/handlers";
import { tokenRoute } from "@/lib/public-api/route";

/** Pixapi's video generation (async only). */
export const POST = tokenRoute(asyncVideosGenerations, { rateLimit: "submit" });
