import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, invalidRequest, tooLarge } from "./errors";

/** JSON answers are never cached: task state and balances change between calls. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(payload);
}

/** True when the client sent (or is sending) a body nobody consumed. Bodiless GETs keep their keep-alive. */
function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.readableEnded) return false;
  const length = Number(req.headers["content-length"] ?? 0);
  return length > 0 || req.headers["transfer-encoding"] !== undefined;
}

export function sendError(res: ServerResponse, error: ApiError, req?: IncomingMessage): void {
  // A request rejected before its body was read (413, 401...) must not leave the client
  // blocked writing: close the connection after answering and drain what still arrives.
  const unread = req !== undefined && hasUnreadBody(req);
  sendJson(res, error.status, error.toBody(), unread ? { ...error.headers, connection: "close" } : error.headers);
  if (unread) req.resume();
}

/** Reads the whole body, refusing (413) past `limit` bytes — by Content-Length first, then by count. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    throw tooLarge(`Request body is ${declared} bytes; the limit is ${limit}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw tooLarge(`Request body exceeds the ${limit} byte limit`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    // Read and drop the body so the connection stays usable, then say what we expected.
    await readBody(req, limit).catch(() => undefined);
    throw invalidRequest("Content-Type must be application/json for this endpoint");
  }
  const raw = await readBody(req, limit);
  if (raw.length === 0) throw invalidRequest("Request body is empty; expected a JSON object");
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch (error) {
    throw invalidRequest(`Malformed JSON body: ${(error as Error).message}`);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
