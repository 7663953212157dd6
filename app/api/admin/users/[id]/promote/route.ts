import { forgetRequestUser } from "@/lib/auth/request-user";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { promoteAdminUser } from "@/lib/admin/users";

type Params = { id: string };

/** Makes the user an administrator (no body). Admins only; recorded in role_grants. 409 when already admin or disabled. */
export const POST = authedRoute<Params>(
  async ({ user, params }) => {
    const promoted = await promoteAdminUser({ actorId: user.id, id: params.id });
    // This instance sees the new role at once; others within USER_CACHE_MS.
    forgetRequestUser(params.id);
    return json({ user: promoted });
  },
  { adminOnly: true },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
