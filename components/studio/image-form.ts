import { zodFields } from "@/lib/http/zod-fields";
import type { GenerationView } from "@/lib/generations/view";
import { estimateCredits } from "@/lib/catalog";
import {
  CUSTOM_SIZE_MAX,
  CUSTOM_SIZE_MIN,
  customSizeProblem,
  imageParamsSchema,
  QUALITIES,
  SIZE_PRESETS,
  type ImageParams,
} from "@/lib/validation/generation";

/**
 * The image form as the person edits it (strings where they type), and the pure functions
 * that turn it into a request: validation with the server's own schema, the price
 * estimate, and prefilling from an earlier generation (Remix).
 */
export type SizePreset = (typeof SIZE_PRESETS)[number];
export type SizeChoice = SizePreset | "custom";
export type Quality = (typeof QUALITIES)[number];

export interface ImageFormValues {
  model: string;
  prompt: string;
  n: number;
  sizeChoice: SizeChoice;
  width: string;
  height: string;
  quality: Quality;
}

export type FieldErrors = Partial<Record<string, string>>;

export const DEFAULT_VALUES: ImageFormValues = {
  model: "",
  prompt: "",
  n: 1,
  sizeChoice: "1024x1024",
  width: "1024",
  height: "1024",
  quality: "auto",
};

export function sizeOf(values: Pick<ImageFormValues, "sizeChoice" | "width" | "height">): string {
  return values.sizeChoice === "custom" ? `${values.width.trim()}x${values.height.trim()}` : values.sizeChoice;
}

function sideError(name: "Width" | "Height", raw: string): string | undefined {
  const value = raw.trim();
  if (!/^\d+$/.test(value)) return `${name} must be a whole number of pixels.`;
  const n = Number(value);
  if (n < CUSTOM_SIZE_MIN || n > CUSTOM_SIZE_MAX) return `${name} must be between ${CUSTOM_SIZE_MIN} and ${CUSTOM_SIZE_MAX}.`;
  return undefined;
}

/** Checks the form with the same zod schema the server uses; `model` is the resolved id. */
export function validateImageForm(values: ImageFormValues, model: string): { data?: ImageParams; errors: FieldErrors } {
  const parsed = imageParamsSchema.safeParse({ model, prompt: values.prompt, n: values.n, size: sizeOf(values), quality: values.quality });
  const errors: FieldErrors = parsed.success ? {} : zodFields(parsed.error);
  if (values.sizeChoice === "custom") {
    const width = sideError("Width", values.width);
    const height = sideError("Height", values.height);
    if (width) errors.width = width;
    if (height) errors.height = height;
    // The per-side messages say it better; the schema's own message stays for what
    // concerns both sides (multiples of 16, aspect ratio).
    if (width || height) delete errors.size;
  }
  return parsed.success && Object.keys(errors).length === 0 ? { data: parsed.data, errors } : { errors };
}

/** Credits the request would cost, or null when it can't be priced yet (bad size, unknown model). */
export function estimateFor(values: ImageFormValues, model: string): number | null {
  if (!model) return null;
  const size = sizeOf(values);
  if (values.sizeChoice === "custom") {
    if (sideError("Width", values.width) || sideError("Height", values.height)) return null;
    if (customSizeProblem(Number(values.width), Number(values.height))) return null;
  }
  try {
    return estimateCredits({ kind: "image", model, size, quality: values.quality, n: values.n });
  } catch {
    // A model the price table does not know (newer than the studio): no estimate.
    return null;
  }
}

/** The form filled from an earlier generation, for Remix. Unknown values fall back to defaults. */
export function valuesFromGeneration(generation: GenerationView): ImageFormValues {
  const { n, size, quality } = generation.params;
  const values: ImageFormValues = { ...DEFAULT_VALUES, model: generation.model, prompt: generation.prompt };
  if (typeof n === "number" && n >= 1 && n <= 4) values.n = n;
  if (quality && (QUALITIES as readonly string[]).includes(quality)) values.quality = quality as Quality;
  if (size && (SIZE_PRESETS as readonly string[]).includes(size)) values.sizeChoice = size as SizePreset;
  else {
    const custom = /^(\d+)x(\d+)$/.exec(size ?? "");
    if (custom) Object.assign(values, { sizeChoice: "custom", width: custom[1], height: custom[2] });
  }
  return values;
}
