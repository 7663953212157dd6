import { imagesEdits } from "@/lib/public-api/handlers";
import { tokenRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/** Pixapi's sync image edit (multipart, one or more `image` files). */
export const POST = tokenRoute(imagesEdits, { rateLimit: "submit" });

export const { GET, PUT, PATCH, DELETE } = v1UnsupportedMethods("POST");
