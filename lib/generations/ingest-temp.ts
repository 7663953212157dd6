import "server-only";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Scratch space for video ingest: one directory per download under DATA_DIR/tmp (the same
 * filesystem as the local store, so a finished file is moved into place with a rename).
 * Ingest removes its directory in a finally block; a process killed mid-download cannot,
 * so the orphan sweeper calls sweepStaleIngestTemp to clear what a crash left behind.
 */
const PREFIX = "video-";

const tempRoot = (): string => path.join(env().DATA_DIR, "tmp");

export async function makeIngestTempDir(): Promise<string> {
  await mkdir(tempRoot(), { recursive: true });
  return mkdtemp(path.join(tempRoot(), PREFIX));
}

/**
 * Removes ingest directories not touched for graceMs. The grace is the same as the media
 * sweep's (an hour by default), far longer than a download may run, so another instance
 * sharing DATA_DIR never loses a directory it is still writing.
 */
export async function sweepStaleIngestTemp({ now = new Date(), graceMs }: { now?: Date; graceMs: number }): Promise<string[]> {
  const root = tempRoot();
  const names = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(root, name);
    const info = await stat(dir).catch(() => undefined);
    if (!info || now.getTime() - info.mtimeMs <= graceMs) continue;
    await rm(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
