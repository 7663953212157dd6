/**
 * The studio's one error class and one wire envelope:
 *   { "error": { "code": <http status>, "message": "...", "type": "..." } }
 * The shape mirrors Pixapi's own envelope so the browser handles upstream and studio
 * failures the same way. Internal errors are logged server-side and the client gets a
 * generic message.
 */
export const ERROR_TYPES = {
  invalid_request_error: 400,
  authentication_error: 401,
  insufficient_credits: 402,
  permission_error: 403,
  not_found_error: 404,
  method_not_allowed: 405,
  conflict_error: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  validation_error: 422,
  quota_exceeded: 429,
  rate_limit_error: 429,
  upstream_error: 502,
  upstream_timeout: 504,
  server_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorType = keyof typeof ERROR_TYPES;

export interface ErrorEnvelope {
  error: {
    code: number;
    message: string;
    type: ErrorType | string;
    /** Per-field messages for form validation, keyed by field path. */
    fields?: Record<string, string>;
    /** Seconds to wait before retrying (429/503). Also sent as a Retry-After header. */
    retry_after?: number;
  };
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly retryAfter?: number;
  /** Extra response headers the status calls for (Allow on 405, Content-Range on 416). */
  readonly headers?: Record<string, string>;

  constructor(
    type: ErrorType,
    message: string,
    options: { status?: number; fields?: Record<string, string>; retryAfter?: number; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.type = type;
    this.status = options.status ?? ERROR_TYPES[type];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.headers = options.headers;
  }

  toEnvelope(): ErrorEnvelope {
    return {
      error: {
        code: this.status,
        message: this.message,
        type: this.type,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.retryAfter !== undefined ? { retry_after: this.retryAfter } : {}),
      },
    };
  }

  toResponse(): Response {
    const headers = new Headers(this.headers);
    headers.set("content-type", "application/json");
    headers.set("cache-control", "no-store");
    if (this.retryAfter !== undefined) headers.set("retry-after", String(Math.max(1, Math.ceil(this.retryAfter))));
    return new Response(JSON.stringify(this.toEnvelope()), { status: this.status, headers });
  }
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const inner = (value as { error: unknown }).error;
  return typeof inner === "object" && inner !== null && "message" in inner && "type" in inner;
}
