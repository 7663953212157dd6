import { getGenerationForUser } from "@/lib/db/queries/generation-reads";
import { AppError } from "@/lib/errors";
import { deleteGeneration } from "@/lib/generations/purge";
import { generationToView } from "@/lib/generations/to-view";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { readJson } from "@/lib/http/json-body";
import { favorite } from "@/lib/collections/service";
import { favoriteBodySchema } from "@/lib/validation/collections";

type Params = { id: string };

const notFound = () => new AppError("not_found_error", "No such generation.");

/** One generation, from our database only: cheap enough for many tabs to poll. */
export const GET = authedRoute<Params>(async ({ user, params }) => {
  const gen = await getGenerationForUser({ id: params.id, userId: user.id });
  if (!gen) throw notFound();
  return json({ generation: generationToView(gen) });
}, { rateLimit: "read" });

/** Stars or unstars the generation: `{ "favorite": true|false }`. */
export const PATCH = authedRoute<Params>(async ({ req, user, params }) => {
  const body = await readJson(req, favoriteBodySchema);
  await favorite(user.id, [params.id], body.favorite);
  const gen = await getGenerationForUser({ id: params.id, userId: user.id });
  if (!gen) throw notFound();
  return json({ generation: generationToView(gen) });
});

/**
 * Deletes the generation and its files; its spend stays in the usage ledger. A pending
 * one disappears at once and is removed for good once Pixapi has finished it (its credit
 * hold then settles at the real cost, or is released).
 */
export const DELETE = authedRoute<Params>(async ({ user, params }) => {
  if (!(await deleteGeneration({ id: params.id, userId: user.id }))) throw notFound();
  return new Response(null, { status: 204 });
});

export const { POST, PUT } = unsupportedMethods("GET, PATCH, DELETE");
