/**
 * The models Pixapi offers, their documented aliases and what each can do. Browser-safe
 * data (no zod, no node:*): the studio's validation and upstream client, the components
 * and the emulator all read this one table.
 */

export const IMAGE_MODEL_IDS = [
  "gemini-2.5-flash-image",
  "gemini-3.1-flash-image-preview",
  "gemini-3-pro-image-preview",
  "gpt-image-2",
] as const;
export type ImageModelId = (typeof IMAGE_MODEL_IDS)[number];

export const VIDEO_MODEL_IDS = ["veo", "wan", "sora-2"] as const;
export type VideoModelId = (typeof VIDEO_MODEL_IDS)[number];

export type CanonicalModelId = ImageModelId | VideoModelId;

/** What GET /v1/models says each category of model can do. */
export const MODEL_CAPABILITIES = {
  image: ["text-to-image", "image-to-image"],
  video: ["text-to-video", "image-to-video"],
} as const satisfies Record<"image" | "video", readonly string[]>;

/** Documented aliases (develop guide, "Choose a model"); accepted in requests, never listed. */
export const MODEL_ALIASES: Readonly<Record<string, ImageModelId>> = Object.freeze({
  "nano-banana": "gemini-2.5-flash-image",
  "nano-banana-2": "gemini-3.1-flash-image-preview",
  "nano-banana-pro": "gemini-3-pro-image-preview",
});

/** Canonical id for a requested id or alias; `undefined` when Pixapi would not know it. */
export function resolveModelId(requested: string): CanonicalModelId | undefined {
  const id = canonicalModelId(requested);
  if (isImageModel(id) || isVideoModel(id)) return id;
  return undefined;
}

/**
 * The canonical id for an alias, or the id itself (also for ids this table does not know:
 * the real service may list models newer than the studio). Lookups are own-property only,
 * so "constructor" or "__proto__" stay themselves.
 */
export function canonicalModelId(id: string, aliases: Readonly<Record<string, string>> = MODEL_ALIASES): string {
  return Object.hasOwn(aliases, id) ? (aliases[id] as string) : id;
}

/** Every alias that points at this canonical id, sorted for stable output. */
export function aliasesFor(id: string, aliases: Readonly<Record<string, string>> = MODEL_ALIASES): string[] {
  return Object.entries(aliases)
    .filter(([, canonical]) => canonical === id)
    .map(([alias]) => alias)
    .sort();
}

export function isImageModel(id: string): id is ImageModelId {
  return (IMAGE_MODEL_IDS as readonly string[]).includes(id);
}

export function isVideoModel(id: string): id is VideoModelId {
  return (VIDEO_MODEL_IDS as readonly string[]).includes(id);
}
