import "server-only";

import path from "node:path";

import { isMediaExtension, MEDIA_TYPES, type MediaExtension } from "@/lib/catalog";
import { AppError } from "@/lib/errors";

/**
 * Object keys are relative, slash-separated paths such as
 * `users/<userId>/<generationId>/<mediaId>.webp`. They are checked strictly because a key
 * may come from a URL: no "..", no absolute paths, no backslashes, no NUL, no dot-files
 * (temp files start with a dot, so a key can never name one), and a known media extension.
 */

const MAX_KEY_LENGTH = 512;
const MAX_SEGMENTS = 8;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
/** Ids that go into a key: one segment, no dots. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

function extensionOf(key: string): string {
  const dot = key.lastIndexOf(".");
  const slash = key.lastIndexOf("/");
  return dot > slash ? key.slice(dot + 1).toLowerCase() : "";
}

export function isValidKey(key: string): boolean {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const segments = key.split("/");
  if (segments.length > MAX_SEGMENTS) return false;
  // SEGMENT already refuses "", ".", ".." and anything with a leading dot.
  if (!segments.every((s) => SEGMENT.test(s))) return false;
  return isMediaExtension(extensionOf(key));
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) {
    throw new AppError("invalid_request_error", "Invalid media key.");
  }
}

/** The content type a key is served with, from its (validated) extension. */
export function contentTypeForKey(key: string): string {
  assertValidKey(key);
  return MEDIA_TYPES[extensionOf(key) as MediaExtension];
}

/**
 * Joins a validated key onto the store root and checks the result is still inside it,
 * a second guard in case the key rules above are ever loosened.
 */
export function resolveKeyPath(root: string, key: string): string {
  assertValidKey(key);
  const full = path.resolve(root, ...key.split("/"));
  if (!full.startsWith(root + path.sep)) {
    throw new AppError("invalid_request_error", "Invalid media key.");
  }
  return full;
}

/** The studio's key layout for one media file of one generation. */
export function mediaKey(input: { userId: string; generationId: string; mediaId: string; ext: string }): string {
  const ext = input.ext.replace(/^\./, "").toLowerCase();
  for (const [name, value] of [
    ["userId", input.userId],
    ["generationId", input.generationId],
    ["mediaId", input.mediaId],
  ] as const) {
    if (!ID.test(value)) throw new Error(`mediaKey: ${name} must match ${ID} (got ${JSON.stringify(value)})`);
  }
  if (!isMediaExtension(ext)) throw new Error(`mediaKey: unsupported extension ${JSON.stringify(input.ext)}`);
  return `users/${input.userId}/${input.generationId}/${input.mediaId}.${ext}`;
}
