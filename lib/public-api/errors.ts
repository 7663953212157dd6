import "server-only";
import type { AppError } from "@/lib/errors";

/**
 * The /v1 API answers in Pixapi's own error vocabulary, so client code written for Pixapi
 * (error.type === "insufficient_credits", retry on 429/5xx) handles the studio unchanged.
 * The studio's own types fold into the nearest Pixapi type; the HTTP status stays what it
 * was, except where Pixapi documents a different one (budget: 402, validation: 400).
 */
export type PixapiWireErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "insufficient_credits"
  | "not_found_error"
  | "rate_limit_error"
  | "server_error";

export interface PixapiWireError {
  status: number;
  type: PixapiWireErrorType;
  message: string;
  retryAfter?: number;
  /** Headers the status calls for (Allow on 405, Content-Range on 416). */
  headers?: Record<string, string>;
}

export function toPixapiError(error: AppError): PixapiWireError {
  const { status, message, retryAfter } = error;
  switch (error.type) {
    case "invalid_request_error":
    case "authentication_error":
    case "permission_error":
    case "not_found_error":
    case "rate_limit_error":
    case "server_error":
      return { status, type: error.type, message, retryAfter };
    case "insufficient_credits":
      return { status: 402, type: "insufficient_credits", message };
    // The user's studio budget is their credit balance here: Pixapi's 402, no Retry-After.
    case "quota_exceeded":
      return { status: 402, type: "insufficient_credits", message };
    // Pixapi answers a body it cannot read, or an upload that is not an image, with a 400.
    case "validation_error":
    case "unsupported_media_type":
      return { status: 400, type: "invalid_request_error", message };
    case "conflict_error":
    case "payload_too_large":
    case "method_not_allowed":
    case "range_not_satisfiable":
      return { status, type: "invalid_request_error", message, headers: error.headers };
    case "upstream_error":
    case "upstream_timeout":
    case "service_unavailable":
      return { status, type: "server_error", message, retryAfter };
  }
}

export function pixapiErrorResponse(error: PixapiWireError): Response {
  const headers = new Headers(error.headers);
  headers.set("content-type", "application/json");
  headers.set("cache-control", "no-store");
  if (error.retryAfter !== undefined) headers.set("retry-after", String(Math.max(1, Math.ceil(error.retryAfter))));
  if (error.status === 401) headers.set("www-authenticate", 'Bearer realm="pixapi-studio"');
  const body = { error: { code: error.status, message: error.message, type: error.type } };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
