import type { ByteRange } from "./range";

export interface PutObjectInput {
  key: string;
  body: Buffer | Uint8Array;
  contentType: string;
}

export interface PutObjectFromFileInput {
  key: string;
  /** A file on the local disk. */
  path: string;
  contentType: string;
  /** "move" (default) takes the file away from `path`; "copy" leaves it there. */
  mode?: "move" | "copy";
}

export interface ObjectInfo {
  key: string;
  size: number;
  contentType: string;
  modifiedAt: Date;
}

export interface OpenedObject {
  /** The requested bytes only; cancel it if you do not read it to the end. */
  stream: ReadableStream<Uint8Array>;
  /** Size of the whole object, for `Content-Range: bytes start-end/size`. */
  size: number;
  contentType?: string;
  /** Inclusive offsets of the bytes in `stream`; an empty object is start 0, end -1. */
  start: number;
  end: number;
}

export interface SignedGetInput {
  key: string;
  expiresInSeconds: number;
  /** Sent back by the store as Content-Disposition (e.g. `attachment; filename="…"`). */
  contentDisposition?: string;
  cacheControl?: string;
}

/**
 * The one door to the studio's media files, implemented by the local directory store and
 * the S3-compatible store alike (tests/storage/contract.ts holds both to the same rules).
 * Which one is in use is decided once, in lib/storage/index.ts.
 */
export interface MediaStore {
  putObject(input: PutObjectInput): Promise<ObjectInfo>;
  putObjectFromFile(input: PutObjectFromFileInput): Promise<ObjectInfo>;
  /** Throws AppError not_found_error (404) for a missing key, 416 for an unsatisfiable range. */
  openObject(input: { key: string; range?: ByteRange }): Promise<OpenedObject>;
  /** Null when the key does not exist. */
  statObject(input: { key: string }): Promise<ObjectInfo | null>;
  /** Missing keys are ignored. */
  deleteObjects(input: { keys: readonly string[] }): Promise<void>;
  /** Every object whose key starts with `prefix` (e.g. "users/"), in no particular order. */
  listObjects(input: { prefix: string }): AsyncIterable<ObjectInfo>;
  /** A short-lived URL to GET the object from the store directly; null when the store has none. */
  signedGetUrl(input: SignedGetInput): Promise<string | null>;
}
