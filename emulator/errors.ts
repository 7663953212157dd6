/**
 * Pixapi's one failure envelope: { "error": { "code": <http status>, "message", "type" } }.
 * Handlers throw ApiError; the router turns it into the envelope, so no handler writes an
 * error response by hand.
 */
export type ApiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "insufficient_credits"
  | "not_found_error"
  | "rate_limit_error"
  | "server_error";

export interface ErrorBody {
  code: number;
  message: string;
  type: ApiErrorType;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  /** Extra response headers, e.g. Retry-After on 429 or Allow on 405. */
  readonly headers: Record<string, string>;

  constructor(status: number, type: ApiErrorType, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.type = type;
    this.headers = headers;
  }

  toBody(): { error: ErrorBody } {
    return { error: { code: this.status, message: this.message, type: this.type } };
  }
}

export const invalidRequest = (message: string) => new ApiError(400, "invalid_request_error", message);
/** Size limits answer 413 but keep the request-error type: the client sent something it must change. */
export const tooLarge = (message: string) => new ApiError(413, "invalid_request_error", message);
export const notFound = (message: string) => new ApiError(404, "not_found_error", message);
export const unauthorized = (message: string) =>
  new ApiError(401, "authentication_error", message, { "www-authenticate": 'Bearer realm="pixapi"' });
export const insufficientCredits = (message: string) => new ApiError(402, "insufficient_credits", message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, "rate_limit_error", message, { "retry-after": String(Math.max(0, Math.ceil(retryAfterSeconds))) });
export const serverError = (status: number, message: string) => new ApiError(status, "server_error", message);
export const methodNotAllowed = (allowed: string[]) =>
  new ApiError(405, "invalid_request_error", `Method not allowed; use ${allowed.join(", ")}`, { allow: allowed.join(", ") });
