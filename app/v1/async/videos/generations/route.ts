import { asyncVideosGenerations } from "@/lib/public-api/handlers";
import { tokenRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/** Pixapi's video generation (async only). */
export const POST = tokenRoute(asyncVideosGenerations, { rateLimit: "submit" });

export const { GET, PUT, PATCH, DELETE } = v1UnsupportedMethods("POST");
