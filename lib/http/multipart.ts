import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "./zod-fields";

/**
 * Reads a multipart body after checking its declared size, so an oversized upload is
 * refused before it is buffered. Returns the text fields, validated by `schema`, and the
 * files of one field name.
 */
export async function readMultipart<S extends z.ZodType>(
  req: Request,
  schema: S,
  { maxBytes, fileField }: { maxBytes: number; fileField: string },
): Promise<{ fields: z.infer<S>; files: File[] }> {
  const length = req.headers.get("content-length");
  if (!length) throw new AppError("invalid_request_error", "Uploads must declare their size (Content-Length).");
  if (Number(length) > maxBytes) {
    throw new AppError("payload_too_large", `The upload is too large (limit ${Math.round(maxBytes / 1024 / 1024)} MB in total).`);
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("invalid_request_error", "The upload could not be read as multipart form data.");
  }
  const fields: Record<string, string> = {};
  const files: File[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (name === fileField || name === `${fileField}[]`) files.push(value);
  }
  return { fields: parseInput(schema, fields), files };
}
