import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { listAdminUsers } from "@/lib/admin/users";

/** Every account with its spend this period (admins only). */
export const GET = authedRoute(async ({ user }) => json(await listAdminUsers({ currentUserId: user.id })), { adminOnly: true });

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
