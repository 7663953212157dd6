import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import { ApiError, invalidRequest, tooLarge } from "./errors";

export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** `image`, `image[]` (what OpenAI clients send for arrays) and `image[0]`-style names. */
export const IMAGE_FIELD = /^image(\[\d*\])?$/;

const MAX_FIELD_BYTES = 256 * 1024;

/**
 * Reads a multipart/form-data body into memory with hard limits. Files other than
 * `image` fields are drained and ignored (e.g. an OpenAI `mask`, which Pixapi does not
 * document). The first limit hit wins and the rest of the body is discarded.
 */
export function readMultipart(req: IncomingMessage, limits: MultipartLimits): Promise<MultipartBody> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    return Promise.reject(invalidRequest("Content-Type must be multipart/form-data for this endpoint"));
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limits.maxTotalBytes) {
    return Promise.reject(tooLarge(`Request body is ${declared} bytes; the limit is ${limits.maxTotalBytes}`));
  }

  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 100, fieldSize: MAX_FIELD_BYTES, parts: limits.maxFiles + 100 },
      });
    } catch (error) {
      reject(invalidRequest(`Malformed multipart request: ${(error as Error).message}`));
      return;
    }

    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let failure: ApiError | undefined;
    let total = 0;
    const fail = (error: ApiError) => {
      if (failure) return;
      failure = error;
      req.unpipe(parser);
      reject(error);
    };

    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxTotalBytes) fail(tooLarge(`Request body exceeds the ${limits.maxTotalBytes} byte limit`));
    });

    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(tooLarge(`Field '${name}' exceeds ${MAX_FIELD_BYTES} bytes`));
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (!IMAGE_FIELD.test(name)) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      // Slot taken now: 'end' events may arrive out of order, and order matters to the render.
      const slot = files.length;
      files.push({ field: name, filename: info.filename ?? "", data: Buffer.alloc(0) });
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => fail(tooLarge(`'${name}' (${info.filename ?? "upload"}) exceeds the ${limits.maxFileBytes} byte file limit`)));
      stream.on("end", () => {
        files[slot]!.data = Buffer.concat(chunks);
      });
    });
    parser.on("filesLimit", () => fail(tooLarge(`At most ${limits.maxFiles} images may be uploaded per request`)));
    parser.on("fieldsLimit", () => fail(tooLarge("Too many form fields")));
    parser.on("partsLimit", () => fail(tooLarge("Too many form parts")));
    parser.on("error", (error: Error) => fail(invalidRequest(`Malformed multipart request: ${error.message}`)));
    parser.on("close", () => {
      if (!failure) resolve({ fields, files });
    });
    req.pipe(parser);
  });
}
