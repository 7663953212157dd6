import "server-only";

import type { z } from "zod";

import { env } from "@/lib/env";

import { PixapiError, redactSecrets } from "./errors";
import { errorFromResponse, parseBody, readTextCapped } from "./responses";

/**
 * The fetch core: config, auth header, per-attempt timeout, error parsing and retries.
 * Nothing here logs; every message that leaves goes through redactSecrets.
 */

export interface RetryPolicy {
  /** Total tries including the first; 1 disables retries. */
  attempts: number;
  /** Backoff ceiling of the first retry; doubles each retry ("full jitter": wait = random × ceiling). */
  baseMs: number;
  /** Cap on any single wait. A Retry-After longer than this is not waited for: the error is thrown. */
  maxMs: number;
}

export interface PixapiConfig {
  /** Origin of the API (a trailing /v1 is accepted and ignored). Default: env PIXAPI_BASE_URL. */
  baseUrl?: string;
  /** Default: env PIXAPI_KEY. */
  apiKey?: string;
  /** Per attempt, including reading the body. Default: env PIXAPI_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The caller's cancel signal; aborting it rejects with its reason (not a PixapiError). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}

export interface ResolvedConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch: typeof fetch;
  retry: RetryPolicy;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseMs: 300, maxMs: 10_000 };

/** `https://x/` and `https://x/v1` both mean the API at https://x (paths carry /v1). */
export function normalizeBaseUrl(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/v1$/i, "");
}

/** Later layers win; whatever none of them sets comes from the validated env. */
export function resolveConfig(...layers: Array<PixapiConfig | undefined>): ResolvedConfig {
  const merged: PixapiConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    const { retry, ...rest } = layer;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) Object.assign(merged, { [k]: v });
    // Retry policies merge field by field: a call may change `attempts` and keep the client's timing.
    if (retry) merged.retry = { ...merged.retry, ...retry };
  }
  const needsEnv = merged.baseUrl === undefined || merged.apiKey === undefined || merged.timeoutMs === undefined;
  const e = needsEnv ? env() : undefined;
  const apiKey = merged.apiKey ?? e?.PIXAPI_KEY;
  if (!apiKey) {
    throw new PixapiError({ type: "configuration_error", message: "PIXAPI_KEY is not set." });
  }
  const retry = { ...DEFAULT_RETRY, ...merged.retry };
  return {
    baseUrl: normalizeBaseUrl(merged.baseUrl ?? e?.PIXAPI_BASE_URL ?? "https://api.pixapi.ai"),
    apiKey,
    timeoutMs: merged.timeoutMs ?? e?.PIXAPI_TIMEOUT_MS ?? 120_000,
    signal: merged.signal,
    fetch: merged.fetch ?? globalThis.fetch,
    retry: { attempts: Math.max(1, Math.floor(retry.attempts)), baseMs: Math.max(0, retry.baseMs), maxMs: Math.max(0, retry.maxMs) },
  };
}

export function authHeaders(cfg: ResolvedConfig): Record<string, string> {
  return { authorization: `Bearer ${cfg.apiKey}` };
}

// ---------------------------------------------------------------------------------------
// One attempt: timeout + failure classification
// ---------------------------------------------------------------------------------------

function describeCause(err: unknown): string {
  if (err instanceof Error) {
    const code = (err.cause as { code?: unknown } | undefined)?.code;
    if (typeof code === "string") return code;
    return err.message;
  }
  return String(err);
}

/**
 * Runs `run` under a signal that fires on the caller's signal or after timeoutMs,
 * whichever comes first, and turns whatever goes wrong into a PixapiError, except a
 * caller cancel, which rejects with the caller's own reason.
 */
export async function attempt<T>(cfg: ResolvedConfig, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  cfg.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(cfg.timeoutMs);
  const signal = cfg.signal ? AbortSignal.any([cfg.signal, timeout]) : timeout;
  try {
    return await run(signal);
  } catch (err) {
    if (err instanceof PixapiError) throw err;
    if (cfg.signal?.aborted) throw cfg.signal.reason;
    if (timeout.aborted) {
      throw new PixapiError({ type: "timeout", message: `Pixapi did not answer within ${cfg.timeoutMs} ms.`, cause: err });
    }
    throw new PixapiError({
      type: "network_error",
      message: redactSecrets(`Could not reach Pixapi (${describeCause(err)}).`, cfg.apiKey),
      cause: err,
    });
  }
}

// ---------------------------------------------------------------------------------------
// Retries: idempotent reads only
// ---------------------------------------------------------------------------------------

/** Network failures, 429 and 5xx. Timeouts are not retried: each would spend a whole timeout again. */
export function shouldRetry(err: PixapiError): boolean {
  return err.type === "network_error" || err.status === 429 || err.status >= 500;
}

/**
 * Full-jitter backoff for retry number `retry` (1-based): random in [0, min(maxMs, baseMs·2^(retry-1))].
 * With Retry-After we wait at least that long; undefined means "longer than maxMs, give up".
 */
export function retryDelayMs(
  retry: number,
  policy: RetryPolicy,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number | undefined {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  const jitter = Math.floor(random() * ceiling);
  if (retryAfterSeconds === undefined) return jitter;
  const asked = retryAfterSeconds * 1000;
  if (asked > policy.maxMs) return undefined;
  return Math.max(asked, jitter);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function withRetries<T>(cfg: ResolvedConfig, idempotent: boolean, run: () => Promise<T>): Promise<T> {
  const attempts = idempotent ? cfg.retry.attempts : 1;
  for (let n = 1; ; n++) {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof PixapiError) || n >= attempts || !shouldRetry(err)) throw err;
      const delay = retryDelayMs(n, cfg.retry, err.retryAfter);
      if (delay === undefined) throw err;
      await sleep(delay, cfg.signal);
    }
  }
}

export interface JsonRequest<T> {
  method: "GET" | "POST";
  /** Starts with /v1/. */
  path: string;
  json?: unknown;
  form?: FormData;
  schema: z.ZodType<T>;
  /** Only idempotent requests are retried. */
  idempotent: boolean;
}

export async function requestJson<T>(cfg: ResolvedConfig, req: JsonRequest<T>): Promise<T> {
  const headers: Record<string, string> = { ...authHeaders(cfg), accept: "application/json" };
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if (req.form) {
    body = req.form; // fetch writes the multipart boundary itself
  }
  const url = `${cfg.baseUrl}${req.path}`;
  return withRetries(cfg, req.idempotent, () =>
    attempt(cfg, async (signal) => {
      const res = await cfg.fetch(url, { method: req.method, headers, body, signal });
      if (!res.ok) throw errorFromResponse(res, await readTextCapped(res), cfg.apiKey);
      return parseBody(res, await res.text(), req.schema, cfg.apiKey);
    }),
  );
}
