import "server-only";

import { randomUUID } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";

import { AppError } from "@/lib/errors";

import { contentTypeForKey, isValidKey, resolveKeyPath } from "./keys";
import { resolveRange } from "./range";
import type { MediaStore, ObjectInfo, OpenedObject, PutObjectFromFileInput, PutObjectInput } from "./types";

const CHUNK_BYTES = 256 * 1024;

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function isMissing(error: unknown): boolean {
  const code = errnoCode(error);
  return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
}

/** The store infers the served type from the key; a caller naming another type has a bug. */
function checkContentType(key: string, contentType: string): string {
  const expected = contentTypeForKey(key);
  const given = contentType.split(";")[0]?.trim().toLowerCase();
  if (given !== expected) {
    throw new Error(`storage: content type ${JSON.stringify(contentType)} does not match key ${key} (${expected})`);
  }
  return expected;
}

/** A temp name in the target's own directory (so rename is atomic); dot-files are never valid keys. */
function tempPathFor(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${randomUUID()}.tmp`);
}

/** Makes a rename durable across a crash; not every platform can fsync a directory. */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // Best effort only.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Runs `fill` against a fresh temp file beside `finalPath`, fsyncs it and renames it over
 * the final name. On any failure the temp file is removed and the final name is untouched.
 */
async function writeAtomically(finalPath: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  await fs.mkdir(path.dirname(finalPath), { recursive: true });
  const tmp = tempPathFor(finalPath);
  try {
    await fill(tmp);
    const handle = await fs.open(tmp, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, finalPath);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDir(path.dirname(finalPath));
}

function fileStream(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const want = Math.min(CHUNK_BYTES, end + 1 - position);
      if (want <= 0) {
        await close();
        controller.close();
        return;
      }
      try {
        const chunk = new Uint8Array(want);
        const { bytesRead } = await handle.read(chunk, 0, want, position);
        if (bytesRead === 0) {
          // The file shrank under us; end early rather than hang.
          await close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    async cancel() {
      await close();
    },
  });
}

class LocalMediaStore implements MediaStore {
  constructor(private readonly root: string) {}

  private async info(key: string, fullPath: string, contentType: string): Promise<ObjectInfo> {
    const stat = await fs.stat(fullPath);
    return { key, size: stat.size, contentType, modifiedAt: stat.mtime };
  }

  async putObject({ key, body, contentType }: PutObjectInput): Promise<ObjectInfo> {
    const type = checkContentType(key, contentType);
    const finalPath = resolveKeyPath(this.root, key);
    await writeAtomically(finalPath, (tmp) => fs.writeFile(tmp, body, { flag: "wx" }));
    return this.info(key, finalPath, type);
  }

  async putObjectFromFile({ key, path: source, contentType, mode = "move" }: PutObjectFromFileInput): Promise<ObjectInfo> {
    const type = checkContentType(key, contentType);
    const finalPath = resolveKeyPath(this.root, key);
    // lstat: a symlink moved into the store could point anywhere on the disk.
    const sourceStat = await fs.lstat(source);
    if (!sourceStat.isFile()) throw new Error(`storage: ${source} is not a regular file`);

    if (mode === "move") {
      await fs.mkdir(path.dirname(finalPath), { recursive: true });
      try {
        await fs.rename(source, finalPath);
        await syncDir(path.dirname(finalPath));
        return this.info(key, finalPath, type);
      } catch (error) {
        if (errnoCode(error) !== "EXDEV") throw error;
        // Another filesystem: copy beside the target, then rename, then drop the source.
      }
    }
    await writeAtomically(finalPath, (tmp) => fs.copyFile(source, tmp, fsConstants.COPYFILE_EXCL));
    if (mode === "move") await fs.rm(source, { force: true });
    return this.info(key, finalPath, type);
  }

  async openObject({ key, range }: Parameters<MediaStore["openObject"]>[0]): Promise<OpenedObject> {
    const contentType = contentTypeForKey(key);
    const fullPath = resolveKeyPath(this.root, key);
    let handle: FileHandle;
    try {
      handle = await fs.open(fullPath, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    } catch (error) {
      if (isMissing(error)) throw new AppError("not_found_error", "Media not found.");
      throw error;
    }
    try {
      // Size from the open handle, so the range matches the bytes this stream will read.
      const stat = await handle.stat();
      if (!stat.isFile()) throw new AppError("not_found_error", "Media not found.");
      const { start, end } = resolveRange(range, stat.size);
      return { stream: fileStream(handle, start, end), size: stat.size, contentType, start, end };
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  async statObject({ key }: { key: string }): Promise<ObjectInfo | null> {
    const contentType = contentTypeForKey(key);
    const fullPath = resolveKeyPath(this.root, key);
    try {
      const stat = await fs.lstat(fullPath);
      return stat.isFile() ? { key, size: stat.size, contentType, modifiedAt: stat.mtime } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async deleteObjects({ keys }: { keys: readonly string[] }): Promise<void> {
    // Validate every key before deleting any, so a bad batch deletes nothing.
    const paths = keys.map((key) => resolveKeyPath(this.root, key));
    await Promise.all(paths.map((p) => fs.rm(p, { force: true })));
  }

  async *listObjects({ prefix }: { prefix: string }): AsyncIterable<ObjectInfo> {
    yield* walk(this.root, "", prefix);
  }

  /** Files on the local disk have no URL of their own: the studio streams them. */
  async signedGetUrl(): Promise<string | null> {
    return null;
  }
}

/** Regular files under `dir` whose key is valid (temp files and strays are not objects). */
async function* walk(dir: string, keyPrefix: string, wanted: string): AsyncGenerator<ObjectInfo> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const entry of entries) {
    const key = `${keyPrefix}${entry.name}`;
    if (entry.isDirectory()) {
      // Only descend where keys can still start with `wanted`.
      if (`${key}/`.startsWith(wanted) || wanted.startsWith(`${key}/`)) yield* walk(path.join(dir, entry.name), `${key}/`, wanted);
    } else if (entry.isFile() && key.startsWith(wanted) && isValidKey(key)) {
      const stat = await fs.lstat(path.join(dir, entry.name)).catch(() => null);
      if (stat?.isFile()) yield { key, size: stat.size, contentType: contentTypeForKey(key), modifiedAt: stat.mtime };
    }
  }
}

/** A media store on the local disk under `root` (created on first write). */
export function createStore({ root }: { root: string }): MediaStore {
  return new LocalMediaStore(path.resolve(root));
}
