import { fileProblem } from "@/components/studio/file-checks";
import { MAX_EDIT_IMAGES } from "@/lib/validation/generation";

export { MAX_EDIT_IMAGES };

export interface Upload {
  id: string;
  file: File;
  /** An object URL for the preview; revoked when the upload is removed. */
  previewUrl: string;
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
