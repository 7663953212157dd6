import "server-only";
import { createGenerationWithHold, getGenerationByIdempotencyKey } from "@/lib/db/queries/generations";
import type { NewMedia } from "@/lib/db/queries/media";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { inspectUpload, makeImageThumbnail } from "@/lib/media";
import { deleteObjects } from "@/lib/storage";
import { assertBudgetFits, spendCheck, spendRefusal } from "@/lib/usage/budget";
import { MAX_EDIT_IMAGES, type GenerationRequest } from "@/lib/validation/generation";
import { estimateCreditsSafe, pixelsOf, toMilli } from "@/lib/catalog";
import { assertSameRequest } from "./idempotency";
import { requireModel } from "./models";
import { storedParamsOf } from "./params";
import { enqueueRun } from "./run-queue";
import { storeMedia } from "./store-media";
import { generationToView } from "./to-view";
import type { GenerationView } from "./view";

/** Above this many pixels per image, Pixapi's guide says to use the async endpoint. */
const SYNC_MAX_PIXELS = 1024 * 1024;

/**
 * Creates a generation: validates everything that can be validated before spending a
 * credit, stores the uploads, writes the row with its credit hold, and starts the upstream
 * call in the background, so the request answers at once with an id.
 */
export async function createGeneration(input: {
  userId: string;
  request: GenerationRequest;
  uploads: Uint8Array[];
  idempotencyKey?: string;
  /** Set for generations made through the /v1 API: the personal token that made it. */
  apiToken?: { id: string; name: string };
  /** The caller asked for a background task (/v1/async/*): use Pixapi's async endpoint even for small images. */
  preferAsync?: boolean;
}): Promise<{ generation: GenerationView; created: boolean }> {
  const { request, userId } = input;
  if (input.idempotencyKey) {
    // A retried request (double click, flaky network) gets the first one's generation.
    const existing = await getGenerationByIdempotencyKey({ userId, idempotencyKey: input.idempotencyKey });
    if (existing) {
      await assertSameRequest(existing, request, input.uploads);
      return { generation: generationToView(existing), created: false };
    }
  }
  const model = await requireModel(request.model, request.kind === "video" ? "video" : request.kind === "edit" ? "image-to-image" : "text-to-image");
  checkUploadCount(request.kind, input.uploads.length);

  const estimate =
    request.kind === "video"
      ? estimateCreditsSafe({ kind: "video", model: model.id, duration: request.duration, size: request.size })
      : estimateCreditsSafe({ kind: "image", model: model.id, size: request.size, quality: request.quality, n: request.n });
  const mode = !input.preferAsync && request.kind === "image" && pixelsOf(request.size) <= SYNC_MAX_PIXELS ? "sync" : "async";
  const params = storedParamsOf(request, model.id);
  const estimatedMilli = toMilli(estimate);
  // With uploads, fail fast before decoding or storing them (a user over budget costs no
  // decode). Without, the guard in the transaction below is the only check needed: it is
  // the race-safe one, and it refuses with the same answer.
  if (input.uploads.length) await assertBudgetFits({ userId, estimateMilli: estimatedMilli });
  // One after another: each decode waits for the process's decode slot anyway (lib/media/decode-slots.ts).
  const inspected = [];
  for (const bytes of input.uploads) inspected.push(await inspectUpload(bytes));

  const id = newId();
  const written: string[] = [];
  try {
    const inputs: NewMedia[] = [];
    for (const [position, img] of inspected.entries()) {
      const thumb = await makeImageThumbnail(img.bytes);
      const upload = { role: "input", kind: "image", position, ...img, body: { bytes: img.bytes }, thumb: thumb.bytes } as const;
      inputs.push(await storeMedia({ userId, generationId: id }, upload, written));
    }
    const result = await createGenerationWithHold({
      id,
      userId,
      kind: request.kind,
      mode,
      // Canonical, never the alias typed: prices, usage and the gallery filter all key on it.
      model: model.id,
      prompt: request.prompt,
      params,
      idempotencyKey: input.idempotencyKey,
      estimatedMilli,
      apiToken: input.apiToken,
      inputs,
      budget: spendCheck(),
    });
    if ("refused" in result) throw await spendRefusal({ userId, estimateMilli: estimatedMilli, refused: result.refused });
    if (!result.created) await deleteObjects({ keys: written });
    else enqueueRun(id, result.generation);
    return { generation: generationToView(result.generation), created: result.created };
  } catch (error) {
    await deleteObjects({ keys: written });
    // A concurrent twin of this request (same key) took the budget first: answer with its generation.
    if (input.idempotencyKey && error instanceof AppError && error.type === "quota_exceeded") {
      const existing = await findByIdempotencyKey(userId, input.idempotencyKey);
      if (existing) return { generation: existing, created: false };
    }
    throw error;
  }
}

function checkUploadCount(kind: GenerationRequest["kind"], count: number): void {
  if (kind === "edit" && count === 0) {
    throw new AppError("invalid_request_error", "Add at least one image to edit.", { fields: { images: "Add at least one image." } });
  }
  if (kind === "edit" && count > MAX_EDIT_IMAGES) {
    throw new AppError("invalid_request_error", `Use at most ${MAX_EDIT_IMAGES} reference images.`, { fields: { images: `At most ${MAX_EDIT_IMAGES} images.` } });
  }
  if (kind === "video" && count > 1) {
    throw new AppError("invalid_request_error", "A video starts from at most one image.", { fields: { images: "At most one image." } });
  }
  if (kind === "image" && count > 0) {
    throw new AppError("invalid_request_error", "Image generation takes no uploads; use Edit to work from a photo.");
  }
}

async function findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<GenerationView | null> {
  const row = await getGenerationByIdempotencyKey({ userId, idempotencyKey });
  return row ? generationToView(row) : null;
}
