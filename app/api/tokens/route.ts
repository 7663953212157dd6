import { createToken, createTokenSchema, listTokens } from "@/lib/api-tokens/manage";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";

/** The signed-in user's live API tokens (never the tokens themselves, only their prefix). */
export const GET = authedRoute(async ({ user }) => json({ tokens: await listTokens({ userId: user.id }) }));

/** Creates a token; the answer is the only time the token itself is ever returned. */
export const POST = authedRoute(async ({ req, user }) => {
  const input = await readJson(req, createTokenSchema);
  return json(await createToken({ userId: user.id, input }), { status: 201 });
});

export const { PUT, PATCH, DELETE } = unsupportedMethods("GET, POST");
