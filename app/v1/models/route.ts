import { listModels } from "@/lib/public-api/handlers";
import { tokenRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/** The models the studio offers, in Pixapi's list shape. */
export const GET = tokenRoute(() => listModels(), { rateLimit: "read" });

export const { POST, PUT, PATCH, DELETE } = v1UnsupportedMethods("GET");
