import { forgetRequestUser } from "@/lib/auth/request-user";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { adminUserPatchSchema, updateAdminUser } from "@/lib/admin/users";

type Params = { id: string };

/** Sets a user's allowance ({ allowanceCredits: number | null }) and/or disables them ({ disabled }). Admins only. */
export const PATCH = authedRoute<Params>(
  async ({ req, user, params }) => {
    const patch = await readJson(req, adminUserPatchSchema);
    const updated = await updateAdminUser({ actorId: user.id, id: params.id, patch });
    // This instance stops a disabled user at once; others within USER_CACHE_MS.
    forgetRequestUser(params.id);
    return json({ user: updated });
  },
  { adminOnly: true },
);

export const { GET, POST, PUT, DELETE } = unsupportedMethods("PATCH");
