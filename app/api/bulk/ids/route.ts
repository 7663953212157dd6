import { idsQuerySchema, listMatchingIds } from "@/lib/generations/list";
import { readQuery } from "@/lib/http/query";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";

/**
 * "Select all matching": the ids of the user's generations matching the gallery's filters
 * (?kind, status, model, q, favorite, collection), newest first, at most 500 (what one bulk
 * action takes), with `total` so the page can say when there are more.
 */
export const GET = authedRoute(async ({ req, user }) => {
  return json(await listMatchingIds({ userId: user.id, query: readQuery(req, idsQuerySchema) }));
}, { rateLimit: "read" });

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
