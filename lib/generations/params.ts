import { z } from "zod";
import { IMAGE_QUALITIES } from "@/lib/catalog";
import type { GenerationRequest } from "@/lib/validation/generation";

/**
 * The request parameters a generation stores (`generations.params`, JSON): written once
 * by create.ts, read by the runner (to call Pixapi) and by the view. Rows written by an
 * older studio may lack a field or hold one of the wrong type: such a field is dropped,
 * never trusted, and the others are kept.
 */
const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const storedParamsSchema = z.object({
  n: field(z.number().int().min(1)),
  size: field(z.string().min(1)),
  quality: field(z.enum(IMAGE_QUALITIES)),
  duration: field(z.number().positive()),
  /**
   * The model as the caller named it, kept only when that was an alias: the row's `model` is
   * the canonical id (prices, usage, filters), while the /v1 API echoes the name it was sent,
   * as Pixapi does.
   */
  requestedModel: field(z.string().min(1).max(100)),
});

export type StoredParams = z.infer<typeof storedParamsSchema>;

/** The stored params of a row, checked; anything that is not an object reads as none. */
export function parseStoredParams(value: unknown): StoredParams {
  const parsed = storedParamsSchema.safeParse(value);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as StoredParams;
}

/** What a request stores: its parameters, and the model name it used when that was an alias. */
export function storedParamsOf(request: GenerationRequest, canonicalModel: string): StoredParams {
  const params: StoredParams =
    request.kind === "video" ? { duration: request.duration, size: request.size } : { n: request.n, size: request.size, quality: request.quality };
  return request.model === canonicalModel ? params : { ...params, requestedModel: request.model };
}

/**
 * Whether a stored row was made with the same parameters as `request` (Idempotency-Key
 * replays). The model is compared by canonical id elsewhere, so the alias used is not one.
 */
export function sameStoredParams(stored: unknown, request: GenerationRequest): boolean {
  const strip = ({ requestedModel: _alias, ...rest }: StoredParams) => rest;
  return JSON.stringify(strip(parseStoredParams(stored))) === JSON.stringify(strip(parseStoredParams(storedParamsOf(request, request.model))));
}
