import "server-only";

import { createReadStream } from "node:fs";
import fs from "node:fs/promises";

import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

import { AppError } from "@/lib/errors";

import { assertValidKey, contentTypeForKey, isValidKey } from "./keys";
import { resolveRange } from "./range";
import type { MediaStore, ObjectInfo, OpenedObject, PutObjectFromFileInput, PutObjectInput, SignedGetInput } from "./types";

export interface S3StoreConfig {
  bucket: string;
  /** Key prefix inside the bucket, without leading or trailing slash ("" for none). */
  prefix: string;
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
}

/** Parses `s3://bucket/some/prefix` (already shape-checked by lib/env.ts). */
export function parseStorageUrl(url: string): { bucket: string; prefix: string } {
  const rest = url.replace(/^s3:\/\//, "");
  const slash = rest.indexOf("/");
  if (slash < 0) return { bucket: rest, prefix: "" };
  return { bucket: rest.slice(0, slash), prefix: rest.slice(slash + 1).replace(/^\/+|\/+$/g, "") };
}

const DELETE_BATCH = 1000; // the S3 API's limit per DeleteObjects call
const PART_BYTES = 8 * 1024 * 1024;

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

function isMissing(error: unknown): boolean {
  return statusOf(error) === 404 || (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound"));
}

/** Same rule as the local store: the key decides the served type; a caller naming another has a bug. */
function checkContentType(key: string, contentType: string): string {
  const expected = contentTypeForKey(key);
  if (contentType.split(";")[0]?.trim().toLowerCase() !== expected) {
    throw new Error(`storage: content type ${JSON.stringify(contentType)} does not match key ${key} (${expected})`);
  }
  return expected;
}

class S3MediaStore implements MediaStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3StoreConfig) {
    this.client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // Newer SDKs add CRC32 checksums (and aws-chunked bodies) to every upload; many
      // S3-compatible servers do not understand them. Only send them where S3 requires one.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return this.config.prefix ? `${this.config.prefix}/${key}` : key;
  }

  private storeKey(objectKey: string): string | null {
    const head = this.config.prefix ? `${this.config.prefix}/` : "";
    if (!objectKey.startsWith(head)) return null;
    const key = objectKey.slice(head.length);
    return isValidKey(key) ? key : null;
  }

  async putObject({ key, body, contentType }: PutObjectInput): Promise<ObjectInfo> {
    const type = checkContentType(key, contentType);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Body: body, ContentType: type, ContentLength: body.byteLength }),
    );
    return { key, size: body.byteLength, contentType: type, modifiedAt: new Date() };
  }

  async putObjectFromFile({ key, path: source, contentType, mode = "move" }: PutObjectFromFileInput): Promise<ObjectInfo> {
    const type = checkContentType(key, contentType);
    // lstat: never upload what a symlink points at.
    const stat = await fs.lstat(source);
    if (!stat.isFile()) throw new Error(`storage: ${source} is not a regular file`);
    // Streamed: a video is sent in parts, never held in memory whole.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: this.objectKey(key), Body: createReadStream(source), ContentType: type },
      partSize: PART_BYTES,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
    if (mode === "move") await fs.rm(source, { force: true });
    return { key, size: stat.size, contentType: type, modifiedAt: new Date() };
  }

  async openObject({ key, range }: Parameters<MediaStore["openObject"]>[0]): Promise<OpenedObject> {
    const contentType = contentTypeForKey(key);
    const info = await this.statObject({ key });
    if (!info) throw new AppError("not_found_error", "Media not found.");
    // Objects are immutable once written, so the size from HEAD holds for the GET.
    const { start, end } = resolveRange(range, info.size);
    if (end < start) return { stream: new ReadableStream({ start: (c) => c.close() }), size: info.size, contentType, start, end };
    let body;
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Range: `bytes=${start}-${end}` }),
      );
      body = out.Body;
    } catch (error) {
      if (isMissing(error)) throw new AppError("not_found_error", "Media not found.");
      throw error;
    }
    if (!body) throw new Error(`storage: empty body for ${key}`);
    return { stream: body.transformToWebStream() as ReadableStream<Uint8Array>, size: info.size, contentType, start, end };
  }

  async statObject({ key }: { key: string }): Promise<ObjectInfo | null> {
    const contentType = contentTypeForKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return { key, size: out.ContentLength ?? 0, contentType, modifiedAt: out.LastModified ?? new Date(0) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async deleteObjects({ keys }: { keys: readonly string[] }): Promise<void> {
    // Validate every key before deleting any, so a bad batch deletes nothing.
    const objectKeys = keys.map((key) => this.objectKey(key));
    for (let i = 0; i < objectKeys.length; i += DELETE_BATCH) {
      const batch = objectKeys.slice(i, i + DELETE_BATCH);
      const out = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      // S3 reports a missing key as deleted; anything listed here really failed.
      const failed = out.Errors?.filter((e) => e.Code !== "NoSuchKey") ?? [];
      if (failed.length > 0) throw new Error(`storage: could not delete ${failed.map((e) => `${e.Key} (${e.Code})`).join(", ")}`);
    }
  }

  async *listObjects({ prefix }: { prefix: string }): AsyncIterable<ObjectInfo> {
    const head = this.config.prefix ? `${this.config.prefix}/` : "";
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: `${head}${prefix}`, ContinuationToken: token }),
      );
      for (const item of out.Contents ?? []) {
        const key = item.Key ? this.storeKey(item.Key) : null;
        if (!key) continue;
        yield { key, size: item.Size ?? 0, contentType: contentTypeForKey(key), modifiedAt: item.LastModified ?? new Date(0) };
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }

  async signedGetUrl({ key, expiresInSeconds, contentDisposition, cacheControl }: SignedGetInput): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.config.bucket,
      Key: this.objectKey(key),
      ResponseContentType: contentTypeForKey(key),
      ...(contentDisposition ? { ResponseContentDisposition: contentDisposition } : {}),
      ...(cacheControl ? { ResponseCacheControl: cacheControl } : {}),
    });
    // Signed at the start of the current window and valid for two: the URL is the same for
    // everyone asking within a window (so browsers can cache the object under it), and still
    // valid at least `expiresInSeconds` from now.
    const windowMs = expiresInSeconds * 1000;
    const signingDate = new Date(Math.floor(Date.now() / windowMs) * windowMs);
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds * 2, signingDate });
  }

  /** Creates the bucket when missing (tests and first starts against an empty MinIO). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      if (!isMissing(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.config.bucket }));
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

export type S3Store = S3MediaStore;

/** A media store in an S3-compatible bucket. */
export function createS3Store(config: S3StoreConfig): S3Store {
  return new S3MediaStore(config);
}
