import { typeForFileName, UPLOAD_IMAGE_TYPES } from "@/lib/catalog";
import { formatMegabytes } from "@/lib/format";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/generation";

/**
 * The pictures the studio takes as inputs (edit references, a video's start image),
 * checked in the browser so a wrong file gets a clear message at once. The server checks
 * the bytes again (it sniffs content, not names).
 */
export const ACCEPTED_TYPES = UPLOAD_IMAGE_TYPES;
/** The server's per-file limit, shared through lib/validation (lib/media itself pulls in sharp). */
export const MAX_FILE_BYTES = MAX_UPLOAD_BYTES;

/** Some systems give dropped files no MIME type; fall back to the extension. */
function typeOf(file: File): string {
  if (file.type) return file.type;
  return typeForFileName(file.name);
}

/** Why a file can't be used, in plain words, or null when it can. */
export function fileProblem(file: File): string | null {
  if (!(ACCEPTED_TYPES as readonly string[]).includes(typeOf(file))) return `“${file.name}” isn't a PNG, JPEG or WebP image.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_FILE_BYTES) return `“${file.name}” is larger than ${formatMegabytes(MAX_FILE_BYTES)}.`;
  return null;
}
