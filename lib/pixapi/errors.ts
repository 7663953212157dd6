import { AppError } from "@/lib/errors";

/**
 * Every way a call to Pixapi can fail, as one closed set. Upstream types we do not know are
 * folded into the nearest known type (by HTTP status) and kept verbatim in `upstreamType`.
 */
export const PIXAPI_ERROR_TYPES = [
  // Sent by Pixapi in its `{ error: { code, message, type } }` envelope.
  "invalid_request_error",
  "authentication_error",
  "permission_error",
  "insufficient_credits",
  "not_found_error",
  "rate_limit_error",
  "server_error",
  // Decided on our side.
  "timeout",
  "network_error",
  "invalid_response",
  "media_too_large",
  "configuration_error",
] as const;

export type PixapiErrorType = (typeof PIXAPI_ERROR_TYPES)[number];

export function isPixapiErrorType(value: string): value is PixapiErrorType {
  return (PIXAPI_ERROR_TYPES as readonly string[]).includes(value);
}

export interface PixapiErrorInit {
  type: PixapiErrorType;
  message: string;
  /** HTTP status Pixapi answered with; 0 when no HTTP answer arrived (timeout, network, config). */
  status?: number;
  /** Seconds, from the Retry-After header. */
  retryAfter?: number;
  /** The `type` string exactly as Pixapi sent it, when it differs from `type`. */
  upstreamType?: string;
  /** `error.code` from the envelope, when present. */
  code?: number | string;
  retryable?: boolean;
  cause?: unknown;
}

export class PixapiError extends Error {
  readonly type: PixapiErrorType;
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfter?: number;
  readonly upstreamType?: string;
  readonly code?: number | string;

  constructor(init: PixapiErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = "PixapiError";
    this.type = init.type;
    this.status = init.status ?? 0;
    this.retryAfter = init.retryAfter;
    this.upstreamType = init.upstreamType;
    this.code = init.code;
    this.retryable = init.retryable ?? isRetryable(init.type, this.status);
  }
}

export function isPixapiError(value: unknown): value is PixapiError {
  return value instanceof PixapiError;
}

/** Whether trying the same request again later may succeed (not whether it is safe to). */
export function isRetryable(type: PixapiErrorType, status: number): boolean {
  if (status === 429 || status >= 500) return true;
  return type === "rate_limit_error" || type === "server_error" || type === "network_error" || type === "timeout";
}

/** The type an HTTP status implies when the body did not tell us. */
export function typeForStatus(status: number): PixapiErrorType {
  if (status === 401) return "authentication_error";
  if (status === 402) return "insufficient_credits";
  if (status === 403) return "permission_error";
  if (status === 404 || status === 410) return "not_found_error";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limit_error";
  if (status >= 500) return "server_error";
  if (status >= 400) return "invalid_request_error";
  return "invalid_response";
}

/**
 * Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Returns whole seconds (≥ 0), or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  // An HTTP-date names its weekday/month; bare numbers like "-3" would parse as a year.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

const BEARER = /Bearer\s+[^\s"',;]+/gi;
const KEY_LIKE = /\b(sk|pk)[-_][A-Za-z0-9_-]{6,}/g;

/** Strips the API key (and anything shaped like one) out of text that may reach a log or a user. */
export function redactSecrets(text: string, apiKey?: string): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join("[redacted]");
  return out.replace(BEARER, "Bearer [redacted]").replace(KEY_LIKE, "[redacted]");
}

function waitHint(seconds: number | undefined): string {
  if (seconds === undefined) return "Please try again in a moment.";
  if (seconds <= 1) return "Please try again in a second.";
  if (seconds < 120) return `Please try again in ${seconds} seconds.`;
  return `Please try again in about ${Math.ceil(seconds / 60)} minutes.`;
}

/**
 * Turns a Pixapi failure into what the studio tells its own user. The studio's key and
 * account are the studio's problem, never the user's: those become 502 upstream_error
 * with a message that says so, without echoing anything secret.
 */
export function toAppError(error: PixapiError): AppError {
  const cause = error;
  switch (error.type) {
    case "insufficient_credits":
      return new AppError(
        "insufficient_credits",
        "The studio's Pixapi account is out of credits, so new generations can't run right now. An administrator needs to top up the account.",
        { status: 402, cause },
      );
    case "authentication_error":
      return new AppError(
        "upstream_error",
        "The studio's Pixapi key was rejected. This is a studio configuration problem, not something you did; an administrator needs to check it.",
        { status: 502, cause },
      );
    case "configuration_error":
      return new AppError(
        "upstream_error",
        "The studio is not connected to Pixapi yet (no API key is configured). An administrator needs to set it up.",
        { status: 502, cause },
      );
    case "permission_error":
      return new AppError(
        "upstream_error",
        "Pixapi refused this request for the studio's account. An administrator may need to enable access to this model.",
        { status: 502, cause },
      );
    case "rate_limit_error":
      return new AppError("rate_limit_error", `Pixapi is receiving too many requests right now. ${waitHint(error.retryAfter)}`, {
        status: 429,
        retryAfter: error.retryAfter,
        cause,
      });
    case "invalid_request_error":
      if (error.status === 413) {
        return new AppError("payload_too_large", error.message || "The uploaded files are too large for Pixapi.", { cause });
      }
      return new AppError("invalid_request_error", error.message || "Pixapi could not accept this request.", {
        status: 400,
        cause,
      });
    case "not_found_error":
      return new AppError("not_found_error", "Pixapi has no record of that item. It may have expired.", {
        status: 404,
        cause,
      });
    case "timeout":
      return new AppError("upstream_timeout", "Pixapi took too long to answer. Please try again.", { status: 504, cause });
    case "media_too_large":
      return new AppError("upstream_error", "The generated file is larger than the studio can store.", {
        status: 502,
        cause,
      });
    case "invalid_response":
      return new AppError("upstream_error", "Pixapi sent an answer the studio could not understand. Please try again later.", {
        status: 502,
        cause,
      });
    case "server_error":
    case "network_error":
      return new AppError("upstream_error", `Pixapi is not available right now. ${waitHint(error.retryAfter)}`, {
        status: 502,
        retryAfter: error.retryAfter,
        cause,
      });
  }
}
