import { MAX_EDIT_IMAGES, MAX_UPLOAD_BYTES as MAX_FILE_BYTES } from "@/lib/validation/generation";

/**
 * What the Edit page accepts, checked in the browser so a wrong file gets a clear message
 * at once. The server checks the bytes again (it sniffs content, not names).
 */
export const ACCEPTED_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
/** The server's per-file limit, shared through lib/validation (lib/media itself pulls in sharp). */
export { MAX_FILE_BYTES };
export { MAX_EDIT_IMAGES };

const EXTENSION_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp" };

export interface Upload {
  id: string;
  file: File;
  /** An object URL for the preview; revoked when the upload is removed. */
  previewUrl: string;
}

/** Some systems give dropped files no MIME type; fall back to the extension. */
function typeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
  return EXTENSION_TYPES[ext] ?? "";
}

/** Why a file can't be used, in plain words, or null when it can. */
export function fileProblem(file: File): string | null {
  if (!(ACCEPTED_TYPES as readonly string[]).includes(typeOf(file))) return `“${file.name}” isn't a PNG, JPEG or WebP image.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_FILE_BYTES) return `“${file.name}” is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
  return null;
}

let seq = 0;
export function toUpload(file: File): Upload {
  seq += 1;
  return { id: `upload-${seq}`, file, previewUrl: URL.createObjectURL(file) };
}

/**
 * Splits incoming files into the ones to add and the messages for the rest, given how many
 * slots are left.
 */
export function triage(files: File[], slotsLeft: number): { accepted: File[]; problems: string[] } {
  const problems: string[] = [];
  const ok: File[] = [];
  for (const file of files) {
    const problem = fileProblem(file);
    if (problem) problems.push(problem);
    else ok.push(file);
  }
  const accepted = ok.slice(0, Math.max(0, slotsLeft));
  const leftOut = ok.length - accepted.length;
  if (leftOut > 0) {
    problems.push(`Up to ${MAX_EDIT_IMAGES} images can be used, so ${leftOut === 1 ? "1 image was" : `${leftOut} images were`} left out.`);
  }
  return { accepted, problems };
}
