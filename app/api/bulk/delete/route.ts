import { deleteGenerations } from "@/lib/generations/purge";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { bulkIdsBodySchema } from "@/lib/validation/bulk";

/**
 * Deletes up to 500 generations and their files: `{ "ids": [...] }`, all or nothing (one id
 * that is not the user's: 404 and nothing deleted). Pending ones go as DELETE
 * /api/generations/{id} takes them: hidden now, removed once Pixapi has finished.
 */
export const POST = authedRoute(async ({ req, user }) => {
  const { ids } = await readJson(req, bulkIdsBodySchema);
  if (!(await deleteGenerations({ ids, userId: user.id }))) throw new AppError("not_found_error", "One of the items isn't in your gallery.");
  return json({ deleted: ids.length });
});

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
