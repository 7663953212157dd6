import { z } from "zod";
import { idsSchema } from "./collections";

/**
 * Bodies of the gallery's bulk actions (zip download, favorite, delete): 1-500 ids, each
 * well-formed, duplicates folded. Adding to a collection uses the collection items body.
 */
export const bulkIdsBodySchema = z.strictObject({ ids: idsSchema });
export const bulkFavoriteBodySchema = z.strictObject({ ids: idsSchema, favorite: z.boolean({ error: "favorite must be true or false." }) });
