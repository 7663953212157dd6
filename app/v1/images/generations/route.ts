import { imagesGenerations } from "@/lib/public-api/handlers";
import { tokenRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/** Pixapi's sync image generation (OpenAI-compatible), made as a studio generation. */
export const POST = tokenRoute(imagesGenerations, { rateLimit: "submit" });

export const { GET, PUT, PATCH, DELETE } = v1UnsupportedMethods("POST");
