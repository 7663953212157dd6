import { z } from "zod";
import { revokeToken } from "@/lib/api-tokens/manage";
import { readPathParam } from "@/lib/http/path-params";
import { authedRoute, unsupportedMethods } from "@/lib/http/route";

const idSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

/** Revokes one of the user's tokens; the next request made with it gets a 401. */
export const DELETE = authedRoute<{ id: string }>(async ({ user, params }) => {
  const id = readPathParam(params.id, idSchema, "No such API token.");
  await revokeToken({ userId: user.id, id });
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = unsupportedMethods("DELETE");
