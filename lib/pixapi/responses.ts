import type { z } from "zod";

import { isPixapiErrorType, parseRetryAfter, PixapiError, redactSecrets, typeForStatus } from "./errors";
import { errorEnvelopeSchema } from "./schemas";

/**
 * Reading Pixapi's answers: the error envelope (or whatever a proxy put in its place) and
 * 2xx bodies checked against their schema.
 */

const ERROR_BODY_CAP = 64 * 1024;

/** Reads at most `cap` bytes of a body as text; the rest is discarded. */
export async function readTextCapped(res: Response, cap: number = ERROR_BODY_CAP): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (bytes >= cap) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return text + decoder.decode();
}

function fallbackMessage(res: Response, body: string): string {
  const label = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
  const contentType = res.headers.get("content-type") ?? "";
  if (/html/i.test(contentType) || /^\s*</.test(body)) {
    return `Pixapi answered ${label} with an HTML page instead of an API response (likely a proxy or gateway failure).`;
  }
  return `Pixapi answered ${label} without an error message.`;
}

/** Turns a non-2xx answer (JSON envelope, HTML from a proxy, or nothing) into a PixapiError. */
export function errorFromResponse(res: Response, body: string, apiKey?: string): PixapiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const envelope = errorEnvelopeSchema.safeParse(parsed);
  const upstream = envelope.success ? envelope.data.error : undefined;
  const rawType = upstream?.type ?? undefined;
  // Only types Pixapi itself sends are trusted from the body; the rest follows the status.
  const trusted = rawType !== undefined && isPixapiErrorType(rawType) && !CLIENT_SIDE.has(rawType);
  const message = upstream?.message.trim() || fallbackMessage(res, body);
  return new PixapiError({
    type: trusted ? rawType : typeForStatus(res.status),
    status: res.status,
    message: redactSecrets(message, apiKey),
    retryAfter: parseRetryAfter(res.headers.get("retry-after")),
    ...(rawType && !trusted ? { upstreamType: rawType } : {}),
    ...(upstream?.code != null ? { code: upstream.code } : {}),
  });
}

const CLIENT_SIDE = new Set(["timeout", "network_error", "invalid_response", "media_too_large", "configuration_error"]);

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/** Parses a 2xx JSON body against its schema; anything else is invalid_response. */
export function parseBody<T>(res: Response, body: string, schema: z.ZodType<T>, apiKey?: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new PixapiError({
      type: "invalid_response",
      status: res.status,
      message: `Pixapi answered HTTP ${res.status} with a body that is not JSON.`,
      cause,
    });
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  // A 200 carrying an error envelope is still an error.
  if (errorEnvelopeSchema.safeParse(json).success) throw errorFromResponse(res, body, apiKey);
  throw new PixapiError({
    type: "invalid_response",
    status: res.status,
    message: `Pixapi's answer did not match the expected shape (${summarizeIssues(result.error)}).`,
    cause: result.error,
  });
}
