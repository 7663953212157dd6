import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { listShares } from "@/lib/shares/service";

/** The user's shared generations, most recently shared first, with their links. */
export const GET = authedRoute(async ({ user }) => json({ shares: await listShares(user.id) }), { rateLimit: "read" });

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
