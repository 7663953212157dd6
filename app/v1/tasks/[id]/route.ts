import { getTask } from "@/lib/public-api/handlers";
import { tokenRoute, v1UnsupportedMethods } from "@/lib/public-api/route";

/** One of the caller's tasks, in Pixapi's task shape; another user's task is a 404. */
export const GET = tokenRoute<{ id: string }>(({ caller, params }) => getTask({ caller, id: params.id }), { rateLimit: "read" });

export const { POST, PUT, PATCH, DELETE } = v1UnsupportedMethods("GET");
