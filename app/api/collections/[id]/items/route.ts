import { changeItems } from "@/lib/collections/service";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { collectionItemsBodySchema } from "@/lib/validation/collections";

type Params = { id: string };

function itemsRoute(op: "add" | "remove") {
  return authedRoute<Params>(async ({ req, user, params }) => {
    const { ids } = await readJson(req, collectionItemsBodySchema);
      return json({ collection: await changeItems(user.id, params.id, ids, op) });
  });
}

/** Adds generations (`{ "ids": [...] }`, all the user's own) to the collection. */
export const POST = itemsRoute("add");
/** Takes generations out of the collection; they stay in the gallery. */
export const DELETE = itemsRoute("remove");

export const { GET, PUT, PATCH } = unsupportedMethods("POST, DELETE");
