import "server-only";
import { z } from "zod";
import { getGenerationsForUser } from "@/lib/db/queries/generation-reads";
import { idSchema } from "@/lib/validation/safe-text";
import { generationToView } from "./to-view";
import type { GenerationsByIdView } from "./view";

/** More than any screen has pending at once; the browser sends larger sets in chunks. */
export const MAX_IDS = 50;

/**
 * `GET /api/generations?ids=a,b,c`: what a screen is waiting on, nothing else. It is the
 * pending poll (components/studio/pending-poll.ts), so it takes no other parameter: a page
 * of the gallery is a different question.
 */
export const idsQuerySchema = z.strictObject(
  {
    ids: z
      .string({ error: "List the generation ids to ask about (ids=a,b,c)." })
      .max(MAX_IDS * 129)
      .transform((s) => [...new Set(s.split(","))])
      .pipe(z.array(idSchema).min(1).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`)),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "ids cannot be combined with other parameters." : undefined) },
);

/** The user's generations among `ids` (another user's, deleted or unknown ids are simply absent), newest first. */
export async function generationsByIds({ userId, ids }: { userId: string; ids: string[] }): Promise<GenerationsByIdView> {
  const rows = await getGenerationsForUser({ userId, ids });
  return { items: rows.map(generationToView), nextCursor: null };
}
