import { ApiError } from "./errors";
import { checkImage } from "./image-input";

/**
 * Fetches an `input_image` URL the way the real service must: in the background, with a
 * timeout and a byte cap, and only accepting real image bytes. Any failure becomes an
 * ApiError the task reports as its `error` (the submit already succeeded).
 */
export async function fetchInputImage(
  url: string,
  limits: { timeoutMs: number; maxBytes: number; maxPixels: number },
): Promise<Buffer> {
  const failed = (why: string) => new ApiError(400, "invalid_request_error", `input_image could not be fetched from ${url}: ${why}`);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: "follow", headers: { "user-agent": "pixapi-emulator" } });
  } catch (error) {
    const e = error as Error;
    if (e.name === "TimeoutError") throw failed(`no response within ${limits.timeoutMs} ms`);
    const cause = (e.cause as { code?: string; message?: string } | undefined) ?? {};
    throw failed(cause.code ?? cause.message ?? e.message);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw failed(`HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw failed(`${declared} bytes exceeds the ${limits.maxBytes} byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel();
        throw failed(`body exceeds the ${limits.maxBytes} byte limit`);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const e = error as Error;
    throw failed(e.name === "TimeoutError" ? `download did not finish within ${limits.timeoutMs} ms` : e.message);
  }
  const bytes = Buffer.concat(chunks);
  try {
    await checkImage(bytes, "input_image", limits.maxPixels);
  } catch (error) {
    throw failed(error instanceof ApiError ? error.message.replace(/^'input_image' /, "") : "unreadable image");
  }
  return bytes;
}
