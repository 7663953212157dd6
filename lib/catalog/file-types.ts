/**
 * The one MIME type ↔ file extension table: what the studio stores, serves, uploads and
 * names downloads with. Browser-safe.
 */

export const MEDIA_TYPES = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  mp4: "video/mp4",
  webm: "video/webm",
} as const;
export type MediaExtension = keyof typeof MEDIA_TYPES;
export type MediaMimeType = (typeof MEDIA_TYPES)[MediaExtension];

/** The image types a creator may upload (the server checks the bytes, not this claim). */
export const UPLOAD_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const UPLOAD_IMAGE_LABELS = "PNG, JPEG or WebP";

/** Image types Pixapi itself may be sent, beyond the ones the studio stores. */
const UPSTREAM_IMAGE_TYPES: Readonly<Record<string, string>> = { gif: "image/gif", avif: "image/avif", heic: "image/heic" };

export function isMediaExtension(ext: string): ext is MediaExtension {
  return Object.hasOwn(MEDIA_TYPES, ext);
}

/** The preferred extension of a media type ("image/jpeg" → "jpg"); `undefined` for others. */
export function extensionForType(mimeType: string): MediaExtension | undefined {
  const type = mimeType.split(";")[0]?.trim().toLowerCase();
  return (Object.keys(MEDIA_TYPES) as MediaExtension[]).find((ext) => MEDIA_TYPES[ext] === type);
}

/** The type a file name's extension implies, for files that arrive without one; "" if unknown. */
export function typeForFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (isMediaExtension(ext)) return MEDIA_TYPES[ext];
  return Object.hasOwn(UPSTREAM_IMAGE_TYPES, ext) ? (UPSTREAM_IMAGE_TYPES[ext] as string) : "";
}
