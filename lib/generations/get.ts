import "server-only";
import { getGenerationForUser } from "@/lib/db/queries/generation-reads";
import { AppError } from "@/lib/errors";
import { generationToView } from "./to-view";
import type { GenerationView } from "./view";

export const generationNotFound = () => new AppError("not_found_error", "No such generation.");

/** The user's own generation; someone else's id is a 404, indistinguishable from none. */
export async function getGeneration({ id, userId }: { id: string; userId: string }): Promise<GenerationView> {
  const row = await getGenerationForUser({ id, userId });
  if (!row) throw generationNotFound();
  return generationToView(row);
}
