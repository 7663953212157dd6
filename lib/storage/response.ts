import "server-only";

import type { OpenedObject } from "./types";

/**
 * The HTTP response for an opened object: 206 with Content-Range when a range was asked
 * for, 200 otherwise, and `Accept-Ranges: bytes` either way so video elements can seek.
 */
export function objectResponse(
  opened: OpenedObject,
  { partial, cacheControl = "private, max-age=31536000, immutable" }: { partial: boolean; cacheControl?: string },
): Response {
  const headers = new Headers({
    "accept-ranges": "bytes",
    "content-length": String(opened.end - opened.start + 1),
    "cache-control": cacheControl,
    "x-content-type-options": "nosniff",
  });
  if (opened.contentType) headers.set("content-type", opened.contentType);
  if (partial) headers.set("content-range", `bytes ${opened.start}-${opened.end}/${opened.size}`);
  return new Response(opened.stream, { status: partial ? 206 : 200, headers });
}
