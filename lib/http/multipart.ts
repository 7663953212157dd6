import "server-only";
import busboy from "busboy";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { formatMegabytes } from "@/lib/format";
import { parseInput } from "./zod-fields";

/** Text fields are a prompt and a few parameters: 64 kB is far more than any of them may be. */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 50;
/** Parts a form may carry as files at all; how many images a request may use is the caller's rule. */
const MAX_FILE_PARTS = 16;

export interface MultipartLimits {
  /** The whole body, counted as it arrives (also when no Content-Length was sent). */
  maxBytes: number;
  /** One file; its bytes are held in memory only up to this. */
  maxFileBytes: number;
  /** Files under this name (or `name[]`) are kept; files under other names are read past. */
  fileField: string;
}

const unreadable = () => new AppError("invalid_request_error", "The upload could not be read as multipart form data.");
const tooLarge = (maxBytes: number) => new AppError("payload_too_large", `The upload is too large (limit ${Math.round(maxBytes / 1024 / 1024)} MB in total).`);
const fileTooLarge = (maxFileBytes: number) => new AppError("payload_too_large", `An image is larger than the limit of ${formatMegabytes(maxFileBytes)}.`);

/**
 * Reads a multipart body as a stream (busboy), enforcing the limits while the bytes arrive:
 * the moment the body passes `maxBytes` or a file passes `maxFileBytes`, reading stops (the
 * rest is never pulled) and the request is refused with a 413. A declared Content-Length
 * over the limit is refused before anything is read. So memory per request is bounded by
 * the limits, whatever the client declares or streams. Returns the text fields, validated by
 * `schema`, and the bytes of the files under `fileField`, in order.
 */
export async function readMultipart<S extends z.ZodType>(req: Request, schema: S, limits: MultipartLimits): Promise<{ fields: z.infer<S>; files: Uint8Array[] }> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limits.maxBytes) throw tooLarge(limits.maxBytes);
  if (!req.body) throw unreadable();

  const form = new StreamedForm(req.headers.get("content-type") ?? "", limits);
  const reader = req.body.getReader();
  let received = 0;
  try {
    while (!form.failure) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) form.fail(tooLarge(limits.maxBytes));
      else await form.write(value);
    }
  } catch {
    // The client went away or sent a broken stream.
    form.fail(unreadable());
  }
  if (form.failure) {
    await reader.cancel().catch(() => undefined);
    form.destroy();
    throw form.failure;
  }
  await form.end();
  if (form.failure) throw form.failure;
  return { fields: parseInput(schema, form.fields), files: form.files };
}

/** One busboy parser and what it has collected; the first failure wins and stops collecting. */
class StreamedForm {
  readonly fields: Record<string, string> = {};
  readonly files: Uint8Array[] = [];
  failure: AppError | null = null;
  private readonly parser: busboy.Busboy | null = null;
  private readonly closed: Promise<void>;

  constructor(contentType: string, { maxFileBytes, fileField }: MultipartLimits) {
    try {
      this.parser = busboy({
        headers: { "content-type": contentType },
        limits: { fileSize: maxFileBytes, fieldSize: MAX_FIELD_BYTES, fields: MAX_FIELDS, files: MAX_FILE_PARTS, parts: MAX_FIELDS + MAX_FILE_PARTS },
      });
    } catch {
      // Not multipart, or no boundary.
      this.failure = unreadable();
      this.closed = Promise.resolve();
      return;
    }
    const parser = this.parser;
    this.closed = new Promise((resolve) => {
      parser.on("close", resolve);
      parser.on("error", () => {
        this.fail(unreadable());
        resolve();
      });
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) this.fail(new AppError("invalid_request_error", `The field “${name}” is too long.`, { fields: { [name]: "Too long." } }));
      else this.fields[name] = value;
    });
    parser.on("file", (name, stream) => {
      const keep = name === fileField || name === `${fileField}[]`;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        if (keep && !this.failure) chunks.push(chunk);
      });
      stream.on("limit", () => this.fail(fileTooLarge(maxFileBytes)));
      // Destroying the parser after a refusal ends an unfinished file with an error: expected.
      stream.on("error", () => this.fail(unreadable()));
      stream.on("end", () => {
        if (keep && !this.failure) this.files.push(new Uint8Array(Buffer.concat(chunks)));
        chunks.length = 0;
      });
    });
    parser.on("fieldsLimit", () => this.fail(new AppError("invalid_request_error", "The form has too many fields.")));
    parser.on("filesLimit", () => this.fail(new AppError("invalid_request_error", `Send at most ${MAX_FILE_PARTS} files.`)));
    parser.on("partsLimit", () => this.fail(new AppError("invalid_request_error", "The form has too many parts.")));
  }

  fail(error: AppError): void {
    this.failure ??= error;
  }

  /** Feeds one chunk, waiting while the parser is busy (or until it fails). */
  async write(chunk: Uint8Array): Promise<void> {
    if (!this.parser || this.failure) return;
    if (this.parser.write(chunk)) return;
    const parser = this.parser;
    await Promise.race([new Promise<void>((resolve) => parser.once("drain", resolve)), this.closed]);
  }

  async end(): Promise<void> {
    this.parser?.end();
    await this.closed;
  }

  destroy(): void {
    this.parser?.destroy();
  }
}
