import { z } from "zod";
import { revokeToken } from "@/lib/api-tokens/manage";
import { AppError } from "@/lib/errors";
import { authedRoute, unsupportedMethods } from "@/lib/http/route";

const idSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

/** Revokes one of the user's tokens; the next request made with it gets a 401. */
export const DELETE = authedRoute<{ id: string }>(async ({ user, params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new AppError("not_found_error", "No such API token.");
  await revokeToken({ userId: user.id, id: id.data });
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = unsupportedMethods("DELETE");
