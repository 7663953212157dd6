import { z } from "zod";
import { idSchema, safeText } from "./safe-text";

/**
 * Collection names and id lists, checked the same in the browser (the name field) and on
 * the server (the real gate).
 */
export const COLLECTION_NAME_MAX = 60;
/** One request may touch at most this many generations (bulk actions, zip downloads). */
export const IDS_MAX = 500;

export const collectionNameSchema = safeText({
  min: 1,
  max: COLLECTION_NAME_MAX,
  required: "Give the collection a name.",
  tooLong: `Keep the name under ${COLLECTION_NAME_MAX} characters.`,
});

export const idsSchema = z
  .array(idSchema, { error: "Send the ids as a list." })
  .min(1, "Choose at least one item.")
  .max(IDS_MAX, `At most ${IDS_MAX} items at a time.`)
  .transform((ids) => [...new Set(ids)]);

export const collectionBodySchema = z.strictObject({ name: collectionNameSchema });
export const collectionItemsBodySchema = z.strictObject({ ids: idsSchema });
export const favoriteBodySchema = z.strictObject({ favorite: z.boolean({ error: "favorite must be true or false." }) });
