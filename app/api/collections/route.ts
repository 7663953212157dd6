import { addCollection, listCollections } from "@/lib/collections/service";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { collectionBodySchema } from "@/lib/validation/collections";

/** The user's collections, by name, with how many items each holds. */
export const GET = authedRoute(async ({ user }) => json({ collections: await listCollections(user.id) }), { rateLimit: "read" });

/** A new, empty collection. Names are unique per user (409 otherwise). */
export const POST = authedRoute(async ({ req, user }) => {
  const { name } = await readJson(req, collectionBodySchema);
  return json({ collection: await addCollection(user.id, name) }, { status: 201 });
});

export const { PUT, PATCH, DELETE } = unsupportedMethods("GET, POST");
