import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "./zod-fields";

const MAX_JSON_BYTES = 64 * 1024;

/** Reads a JSON request body with a size cap and validates it; every failure is a 4xx AppError. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, { maxBytes = MAX_JSON_BYTES }: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", "The request body is too large.");
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("payload_too_large", "The request body is too large.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("invalid_request_error", "The request body is not valid JSON.");
  }
  return parseInput(schema, data);
}
