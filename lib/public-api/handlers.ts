import "server-only";
import type { TokenCaller } from "@/lib/api-tokens/authenticate";
import { getGenerationForUser } from "@/lib/db/queries/generation-reads";
import { AppError } from "@/lib/errors";
import { createGeneration } from "@/lib/generations/create";
import { getModels } from "@/lib/generations/models";
import { generationToView } from "@/lib/generations/to-view";
import type { GenerationView } from "@/lib/generations/view";
import { json } from "@/lib/http/route";
import type { GenerationRequest } from "@/lib/validation/generation";
import { pixapiErrorResponse } from "./errors";
import { imagesResponse } from "./images-response";
import { resolveInputImage } from "./input-image";
import { readImageEdit, readImageGeneration, readVideoGeneration, type ResponseFormat } from "./requests";
import { failureOf, generationIdOf, modelsResponse, submittedResponse, taskResponse } from "./serialize";
import { waitForGeneration } from "./wait";

/**
 * The /v1 endpoints. Each one is the studio's own create path (validation, budget hold,
 * the tracker, the gallery) with Pixapi's shapes at the edges.
 */
type Args = { req: Request; caller: TokenCaller };

function create(caller: TokenCaller, request: GenerationRequest, uploads: Uint8Array[], preferAsync: boolean): Promise<{ generation: GenerationView }> {
  return createGeneration({ userId: caller.user.id, request, uploads, apiToken: caller.token, preferAsync });
}

async function answerSync({ req, caller }: Args, generation: GenerationView, format: ResponseFormat): Promise<Response> {
  const done = await waitForGeneration({ id: generation.id, userId: caller.user.id, signal: req.signal });
  if (done.status === "failed") return pixapiErrorResponse(failureOf(done));
  return json(await imagesResponse(done, caller.user.id, format));
}

export async function imagesGenerations(args: Args): Promise<Response> {
  const { request, responseFormat } = await readImageGeneration(args.req);
  const { generation } = await create(args.caller, request, [], false);
  return answerSync(args, generation, responseFormat);
}

export async function imagesEdits(args: Args): Promise<Response> {
  const { request, uploads, responseFormat } = await readImageEdit(args.req);
  const { generation } = await create(args.caller, request, uploads, false);
  return answerSync(args, generation, responseFormat);
}

export async function asyncImagesGenerations({ req, caller }: Args): Promise<Response> {
  const { request } = await readImageGeneration(req);
  const { generation } = await create(caller, request, [], true);
  return json(submittedResponse(generation));
}

export async function asyncImagesEdits({ req, caller }: Args): Promise<Response> {
  const { request, uploads } = await readImageEdit(req);
  const { generation } = await create(caller, request, uploads, true);
  return json(submittedResponse(generation));
}

export async function asyncVideosGenerations({ req, caller }: Args): Promise<Response> {
  const body = await readVideoGeneration(req);
  const uploads = body.input_image ? [await resolveInputImage({ value: body.input_image, userId: caller.user.id })] : [];
  const request: GenerationRequest = { kind: "video", model: body.model, prompt: body.prompt, duration: body.duration, size: body.size };
  const { generation } = await create(caller, request, uploads, true);
  return json(submittedResponse(generation));
}

export async function getTask({ caller, id }: { caller: TokenCaller; id: string }): Promise<Response> {
  const generationId = generationIdOf(id);
  // Unknown, malformed and another user's task ids all look the same: 404.
  const row = generationId ? await getGenerationForUser({ id: generationId, userId: caller.user.id }) : null;
  if (!row) throw new AppError("not_found_error", "Task not found.");
  return json(taskResponse(generationToView(row)));
}

export async function listModels(): Promise<Response> {
  return json(modelsResponse(await getModels()));
}
