import { z } from "zod";
import { IMAGE_QUALITIES } from "@/lib/catalog";

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
});

export type StoredParams = z.infer<typeof storedParamsSchema>;

/** The stored params of a row, checked; anything that is not an object reads as none. */
export function parseStoredParams(value: unknown): StoredParams {
  const parsed = storedParamsSchema.safeParse(value);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as StoredParams;
}
