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

/**
 * The one door to the studio's media files. The local directory store implements it
 * today; an S3-compatible store can implement the same five calls.
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
}
