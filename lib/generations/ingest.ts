import "server-only";
import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { completeGeneration } from "@/lib/db/queries/generations";
import type { NewMedia } from "@/lib/db/queries/media";
import { makeImageThumbnail, makeVideoPoster, probeImage, probeVideo } from "@/lib/media";
import { pixapi } from "@/lib/pixapi";
import { deleteObjects } from "@/lib/storage";
import { makeIngestTempDir } from "./ingest-temp";
import { storeMedia } from "./store-media";

/**
 * Copies upstream results into the studio's own storage, so the browser only ever sees
 * our URLs and results outlive Pixapi's short-lived CDN links. On any failure, files
 * already written for this batch are removed: a generation never half-stores.
 */
export type UpstreamItem = { kind: "url"; url: string } | { kind: "base64"; base64: string };

const MAX_VIDEO_BYTES = 500 * 1024 * 1024;

type Owner = { userId: string; generationId: string };

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

async function bytesOf(item: UpstreamItem): Promise<Buffer> {
  if (item.kind === "base64") return Buffer.from(item.base64, "base64");
  return Buffer.from((await pixapi().downloadMedia(item.url)).bytes);
}

async function storeImage(owner: Owner, item: UpstreamItem, position: number, written: string[]): Promise<NewMedia> {
  const bytes = await bytesOf(item);
  const probed = await probeImage(bytes);
  const thumb = await makeImageThumbnail(bytes);
  return storeMedia(owner, { role: "output", kind: "image", position, ...probed, sha256: sha256(bytes), body: { bytes }, thumb: thumb.bytes }, written);
}

/** Writes a video result to `file`: a download is streamed there (size-capped while it arrives), never held in memory. */
async function videoToFile(item: UpstreamItem, file: string): Promise<{ size: number; sha256: string }> {
  if (item.kind === "url") return pixapi().downloadMediaToFile(item.url, file, { maxBytes: MAX_VIDEO_BYTES });
  const bytes = Buffer.from(item.base64, "base64");
  await writeFile(file, bytes);
  return { size: bytes.length, sha256: sha256(bytes) };
}

async function storeVideo(owner: Owner, item: UpstreamItem, position: number, written: string[]): Promise<NewMedia> {
  // Under DATA_DIR, so the local store moves the finished file into place with a rename
  // (os.tmpdir() is often another filesystem); the S3 store uploads it as a stream.
  const dir = await makeIngestTempDir();
  try {
    const file = path.join(dir, "upstream-video");
    const { size, sha256: hash } = await videoToFile(item, file);
    const probed = await probeVideo(file);
    const poster = await makeVideoPoster(file);
    return await storeMedia(owner, { role: "output", kind: "video", position, ...probed, sha256: hash, body: { file, size }, thumb: poster.bytes }, written);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function storeOutputs(input: {
  userId: string;
  generationId: string;
  kind: "image" | "video";
  items: UpstreamItem[];
}): Promise<{ media: NewMedia[]; keys: string[] }> {
  if (input.items.length === 0) throw new Error("Pixapi reported success but returned no media.");
  const written: string[] = [];
  const owner = { userId: input.userId, generationId: input.generationId };
  try {
    const media: NewMedia[] = [];
    // One at a time: results are few, and this keeps memory flat for large videos.
    for (const [i, item] of input.items.entries()) {
      media.push(input.kind === "video" ? await storeVideo(owner, item, i, written) : await storeImage(owner, item, i, written));
    }
    return { media, keys: written };
  } catch (error) {
    await deleteObjects({ keys: written });
    throw error;
  }
}

/**
 * Stores a finished generation's results and completes it at `costMilli`. If another
 * runner completed or failed it meanwhile, the files just written are removed again.
 */
export async function completeWithOutputs(input: {
  generation: { id: string; userId: string };
  kind: "image" | "video";
  items: UpstreamItem[];
  costMilli: number;
  source: "estimate" | "reported";
}): Promise<void> {
  const { generation, kind, items, costMilli, source } = input;
  const stored = await storeOutputs({ userId: generation.userId, generationId: generation.id, kind, items });
  const done = await completeGeneration({ id: generation.id, userId: generation.userId, outputs: stored.media, costMilli, source });
  if (!done) await deleteObjects({ keys: stored.keys });
}
