import { generationNotFound, getGeneration } from "@/lib/generations/get";
import { deleteGeneration } from "@/lib/generations/purge";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { readJson } from "@/lib/http/json-body";
import { favorite } from "@/lib/collections/service";
import { favoriteBodySchema } from "@/lib/validation/collections";

type Params = { id: string };

/** One generation, from our database only: cheap enough for many tabs to poll. */
export const GET = authedRoute<Params>(async ({ user, params }) => {
  return json({ generation: await getGeneration({ id: params.id, userId: user.id }) });
}, { rateLimit: "read" });

/** Stars or unstars the generation: `{ "favorite": true|false }`. */
export const PATCH = authedRoute<Params>(async ({ req, user, params }) => {
  const body = await readJson(req, favoriteBodySchema);
  await favorite(user.id, [params.id], body.favorite);
  return json({ generation: await getGeneration({ id: params.id, userId: user.id }) });
});

/**
 * Deletes the generation and its files; its spend stays in the usage ledger. A pending
 * one disappears at once and is removed for good once Pixapi has finished it (its credit
 * hold then settles at the real cost, or is released).
 */
export const DELETE = authedRoute<Params>(async ({ user, params }) => {
  if (!(await deleteGeneration({ id: params.id, userId: user.id }))) throw generationNotFound();
  return new Response(null, { status: 204 });
});

export const { POST, PUT } = unsupportedMethods("GET, PATCH, DELETE");
