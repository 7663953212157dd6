import { getGenerationForUser } from "@/lib/db/queries/generation-reads";
import { deleteGenerationForUser } from "@/lib/db/queries/generations";
import { AppError } from "@/lib/errors";
import { generationToView } from "@/lib/generations/to-view";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { deleteObjects } from "@/lib/storage";

type Params = { id: string };

const notFound = () => new AppError("not_found_error", "No such generation.");

/** One generation, from our database only: cheap enough for many tabs to poll. */
export const GET = authedRoute<Params>(async ({ user, params }) => {
  const gen = await getGenerationForUser({ id: params.id, userId: user.id });
  if (!gen) throw notFound();
  return json({ generation: generationToView(gen) });
}, { rateLimit: "read" });

/** Deletes the generation and its files. Its spend stays in the usage ledger. */
export const DELETE = authedRoute<Params>(async ({ user, params }) => {
  const keys = await deleteGenerationForUser({ id: params.id, userId: user.id });
  if (!keys) throw notFound();
  await deleteObjects({ keys });
  return new Response(null, { status: 204 });
});

export const { POST, PUT, PATCH } = unsupportedMethods("GET, DELETE");
