import type { ImageParams, VideoRequest } from "@/lib/validation/generation";

/**
 * What each studio page submits, and how it goes over the wire: JSON when there is no file,
 * multipart (the API's `image` field, once per file, the first one leading) when there is.
 */
export type GenerationSubmission =
  | { kind: "image"; params: ImageParams }
  | { kind: "edit"; params: ImageParams; images: File[] }
  | { kind: "video"; params: VideoRequest; image: File | null };

export type SubmissionKind = GenerationSubmission["kind"];

function filesOf(s: GenerationSubmission): File[] {
  if (s.kind === "edit") return s.images;
  if (s.kind === "video") return s.image ? [s.image] : [];
  return [];
}

/** Same kind, parameters and files (by name, size, type and date) = the same request. */
export function fingerprint(s: GenerationSubmission): string {
  return JSON.stringify([s.kind, s.params, filesOf(s).map((f) => [f.name, f.size, f.type, f.lastModified])]);
}

/** crypto.randomUUID needs a secure context; getRandomValues works on plain http too. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function requestInit(s: GenerationSubmission, key: string): RequestInit {
  const files = filesOf(s);
  if (s.kind !== "edit" && files.length === 0) {
    return {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ ...s.params, kind: s.kind }),
    };
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(s.params)) form.set(name, String(value));
  form.set("kind", s.kind);
  for (const file of files) form.append("image", file, file.name);
  return { method: "POST", headers: { "idempotency-key": key }, body: form };
}

/**
 * An identical submit this soon after the last one succeeded is the same click repeated (a
 * double click, or a second tap on a slow phone), not a request for more.
 */
export const REPEAT_WINDOW_MS = 2000;

export interface Attempt {
  fingerprint: string;
  key: string;
  at: number;
  created: boolean;
}

/**
 * The Idempotency-Key for a new submit. The same request again reuses the last key while
 * that one never succeeded (a failure, or an answer that was lost: the server hands back
 * what it may already have started instead of charging twice) or succeeded moments ago (a
 * double click). Anything else is a new take with a new key.
 */
export function nextAttempt(prev: Attempt | null, print: string, now: number): Attempt {
  const same = prev !== null && prev.fingerprint === print && (!prev.created || now - prev.at < REPEAT_WINDOW_MS);
  return { fingerprint: print, key: same ? prev.key : newIdempotencyKey(), at: now, created: false };
}
