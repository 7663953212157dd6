import { getModels } from "@/lib/generations/models";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";

/** Pixapi's models (cached on the server), with the aliases each accepts. */
export const GET = authedRoute(async () => json({ models: await getModels() }, { headers: { "cache-control": "private, max-age=60" } }));

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
