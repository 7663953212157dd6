import "server-only";
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

import { PixapiError } from "./errors";
import { attempt, authHeaders, type ResolvedConfig, withRetries } from "./http";
import { errorFromResponse, readTextCapped } from "./responses";

/** 100 MiB: a generous ceiling for a video; images are far smaller. */
export const DEFAULT_MAX_MEDIA_BYTES = 100 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface DownloadOptions {
  /** Refuse (media_too_large) files bigger than this. */
  maxBytes?: number;
}

export interface DownloadedMedia {
  bytes: Uint8Array;
  /** Lower-cased media type without parameters, e.g. "image/png". */
  contentType: string;
  size: number;
  /** Where the bytes finally came from, after redirects. */
  url: string;
}

function tooLarge(maxBytes: number, status: number): PixapiError {
  return new PixapiError({
    type: "media_too_large",
    status,
    message: `The media file is larger than the ${maxBytes}-byte limit.`,
    retryable: false,
  });
}

function parseMediaUrl(raw: string, base: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (cause) {
    throw new PixapiError({ type: "invalid_response", message: "Pixapi returned a media URL that cannot be parsed.", cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new PixapiError({ type: "invalid_response", message: "Pixapi returned a media URL that is not http(s)." });
  }
  return url;
}

/**
 * The key goes only to the API's own origin: result files usually live on a CDN, and a
 * redirect must not carry the key to another host. So redirects are followed by hand.
 */
async function fetchFollowingRedirects(
  cfg: ResolvedConfig,
  start: URL,
  signal: AbortSignal,
): Promise<{ res: Response; url: URL }> {
  const apiOrigin = new URL(cfg.baseUrl).origin;
  let url = start;
  for (let hop = 0; ; hop++) {
    const headers = url.origin === apiOrigin ? authHeaders(cfg) : {};
    const res = await cfg.fetch(url, { method: "GET", headers, redirect: "manual", signal });
    const location = res.headers.get("location");
    if (!REDIRECTS.has(res.status) || !location) return { res, url };
    await res.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) {
      throw new PixapiError({ type: "invalid_response", status: res.status, message: "Too many redirects fetching a media file." });
    }
    url = parseMediaUrl(location, url);
  }
}

/**
 * Hands each chunk of the body to `onChunk` as it arrives, refusing (media_too_large) the
 * moment the total passes `maxBytes`, or at once when the declared length already does.
 * Returns the byte count.
 */
async function pumpCapped(res: Response, maxBytes: number, onChunk: (chunk: Uint8Array) => void | Promise<void>): Promise<number> {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, res.status);
  }
  if (!res.body) return 0;
  const reader = res.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes, res.status);
      await onChunk(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}

async function readBytesCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const total = await pumpCapped(res, maxBytes, (chunk) => void chunks.push(chunk));
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** GETs a result file (following redirects, retried: it is idempotent) and hands its response to `read`. */
async function download<T>(cfg: ResolvedConfig, rawUrl: string, read: (res: Response, url: URL) => Promise<T>): Promise<T> {
  const start = parseMediaUrl(rawUrl, `${cfg.baseUrl}/`);
  return withRetries(cfg, true, () =>
    attempt(cfg, async (signal) => {
      const { res, url } = await fetchFollowingRedirects(cfg, start, signal);
      if (!res.ok) throw errorFromResponse(res, await readTextCapped(res), cfg.apiKey);
      return read(res, url);
    }),
  );
}

const contentTypeOf = (res: Response): string => (res.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() || "application/octet-stream";

/** GET a result file's bytes. Idempotent, so network failures, 429 and 5xx are retried. */
export async function downloadMediaWith(cfg: ResolvedConfig, rawUrl: string, options: DownloadOptions = {}): Promise<DownloadedMedia> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  return download(cfg, rawUrl, async (res, url) => {
    const bytes = await readBytesCapped(res, maxBytes);
    return { bytes, contentType: contentTypeOf(res), size: bytes.byteLength, url: url.href };
  });
}

export interface DownloadedFile {
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes written. */
  sha256: string;
  url: string;
}

/**
 * GET a result file straight into a local file (created or truncated; each retry starts it
 * again), hashing it on the way: a large video is never held in memory. Over `maxBytes` it
 * stops reading at once; the caller removes the partial file.
 */
export async function downloadMediaToFileWith(cfg: ResolvedConfig, rawUrl: string, file: string, options: DownloadOptions = {}): Promise<DownloadedFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  return download(cfg, rawUrl, async (res, url) => {
    const hash = createHash("sha256");
    const handle = await open(file, "w");
    let size: number;
    try {
      size = await pumpCapped(res, maxBytes, async (chunk) => {
        hash.update(chunk);
        await handle.write(chunk);
      });
    } finally {
      await handle.close();
    }
    return { contentType: contentTypeOf(res), size, sha256: hash.digest("hex"), url: url.href };
  });
}
