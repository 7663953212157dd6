import { removeCollection, updateCollection } from "@/lib/collections/service";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { collectionBodySchema } from "@/lib/validation/collections";

type Params = { id: string };

/** Renames one of the user's collections. */
export const PATCH = authedRoute<Params>(async ({ req, user, params }) => {
  const { name } = await readJson(req, collectionBodySchema);
  return json({ collection: await updateCollection(user.id, params.id, name) });
});

/** Deletes the collection; the generations in it stay in the gallery. */
export const DELETE = authedRoute<Params>(async ({ user, params }) => {
  await removeCollection(user.id, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT } = unsupportedMethods("PATCH, DELETE");
