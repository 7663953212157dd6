import { AppError, isErrorEnvelope, type ErrorType, ERROR_TYPES } from "@/lib/errors";

/**
 * The browser's fetcher for the studio API. Every failure comes back as the same AppError
 * the server threw, rebuilt from the envelope, so components handle one error type.
 */
export async function apiFetch<T>(input: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(input, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (cause) {
    throw new AppError("service_unavailable", "Can't reach the studio. Check your connection and try again.", { cause });
  }
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // non-JSON body (e.g. a proxy error page): handled below
  }
  if (res.ok) return body as T;
  if (isErrorEnvelope(body)) {
    const { type, message, fields, retry_after } = body.error;
    const known = (type in ERROR_TYPES ? type : "server_error") as ErrorType;
    throw new AppError(known, message, { status: res.status, fields, retryAfter: retry_after });
  }
  throw new AppError("server_error", `The studio answered ${res.status}. Please try again.`, { status: res.status });
}
