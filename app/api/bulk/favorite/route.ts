import { favorite } from "@/lib/collections/service";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { bulkFavoriteBodySchema } from "@/lib/validation/bulk";

/** Stars or unstars up to 500 generations at once: `{ "ids": [...], "favorite": true|false }`, all or nothing. */
export const POST = authedRoute(async ({ req, user }) => {
  const { ids, favorite: value } = await readJson(req, bulkFavoriteBodySchema);
  await favorite(user.id, ids, value);
  return json({ updated: ids.length });
});

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
