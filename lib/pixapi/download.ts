import "server-only";

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

async function readBytesCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, res.status);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, res.status);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** GET a result file's bytes. Idempotent, so network failures, 429 and 5xx are retried. */
export async function downloadMediaWith(
  cfg: ResolvedConfig,
  rawUrl: string,
  options: DownloadOptions = {},
): Promise<DownloadedMedia> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  const start = parseMediaUrl(rawUrl, `${cfg.baseUrl}/`);
  return withRetries(cfg, true, () =>
    attempt(cfg, async (signal) => {
      const { res, url } = await fetchFollowingRedirects(cfg, start, signal);
      if (!res.ok) throw errorFromResponse(res, await readTextCapped(res), cfg.apiKey);
      const bytes = await readBytesCapped(res, maxBytes);
      const contentType = (res.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() || "application/octet-stream";
      return { bytes, contentType, size: bytes.byteLength, url: url.href };
    }),
  );
}
