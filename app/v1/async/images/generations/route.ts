import { asyncImagesGenerations } from "@/lib/public-api/handlers";
import { tokenRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/** Pixapi's async image generation: answers at once with a task to poll. */
export const POST = tokenRoute(asyncImagesGenerations, { rateLimit: "submit" });

export const { GET, PUT, PATCH, DELETE } = v1UnsupportedMethods("POST");
