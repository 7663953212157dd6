import "server-only";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { NewMedia } from "@/lib/db/queries/generations";
import { newId } from "@/lib/ids";
import { makeImageThumbnail, makeVideoPoster, probeImage, probeVideo } from "@/lib/media";
import { downloadMedia } from "@/lib/pixapi";
import { deleteObjects, mediaKey, putObject, putObjectFromFile } from "@/lib/storage";

/**
 * Copies upstream results into the studio's own storage, so the browser only ever sees
 * our URLs and results outlive Pixapi's short-lived CDN links. On any failure, files
 * already written for this batch are removed: a generation never half-stores.
 */
export type UpstreamItem = { kind: "url"; url: string } | { kind: "base64"; base64: string };

const EXT_BY_MIME: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "video/mp4": "mp4", "video/webm": "webm" };
const MAX_VIDEO_BYTES = 500 * 1024 * 1024;

async function bytesOf(item: UpstreamItem, maxBytes?: number): Promise<Buffer> {
  if (item.kind === "base64") return Buffer.from(item.base64, "base64");
  const downloaded = await downloadMedia(item.url, maxBytes ? { maxBytes } : {});
  return Buffer.from(downloaded.bytes);
}

async function storeImage(ctx: { userId: string; generationId: string }, item: UpstreamItem, position: number, written: string[]): Promise<NewMedia> {
  const bytes = await bytesOf(item);
  const probed = await probeImage(bytes);
  const thumb = await makeImageThumbnail(bytes);
  const id = newId();
  const storageKey = mediaKey({ ...ctx, mediaId: id, ext: EXT_BY_MIME[probed.mimeType] ?? "png" });
  const thumbKey = mediaKey({ ...ctx, mediaId: `${id}-thumb`, ext: "webp" });
  await putObject({ key: storageKey, body: bytes, contentType: probed.mimeType });
  written.push(storageKey);
  await putObject({ key: thumbKey, body: thumb.bytes, contentType: "image/webp" });
  written.push(thumbKey);
  return {
    id,
    role: "output",
    kind: "image",
    mimeType: probed.mimeType,
    width: probed.width,
    height: probed.height,
    bytes: bytes.length,
    storageKey,
    thumbKey,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    position,
  };
}

async function storeVideo(ctx: { userId: string; generationId: string }, item: UpstreamItem, position: number, written: string[]): Promise<NewMedia> {
  const bytes = await bytesOf(item, MAX_VIDEO_BYTES);
  const dir = await mkdtemp(path.join(os.tmpdir(), "studio-video-"));
  try {
    const file = path.join(dir, "upstream-video");
    await writeFile(file, bytes);
    const probed = await probeVideo(file);
    const poster = await makeVideoPoster(file);
    const id = newId();
    const storageKey = mediaKey({ ...ctx, mediaId: id, ext: EXT_BY_MIME[probed.mimeType] ?? "mp4" });
    const thumbKey = mediaKey({ ...ctx, mediaId: `${id}-poster`, ext: "webp" });
    await putObjectFromFile({ key: storageKey, path: file, contentType: probed.mimeType, mode: "move" });
    written.push(storageKey);
    await putObject({ key: thumbKey, body: poster.bytes, contentType: "image/webp" });
    written.push(thumbKey);
    return {
      id,
      role: "output",
      kind: "video",
      mimeType: probed.mimeType,
      width: probed.width,
      height: probed.height,
      durationMs: probed.durationMs,
      bytes: bytes.length,
      storageKey,
      thumbKey,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      position,
    };
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
  const ctx = { userId: input.userId, generationId: input.generationId };
  try {
    const media: NewMedia[] = [];
    // One at a time: results are few, and this keeps memory flat for large videos.
    for (const [i, item] of input.items.entries()) {
      media.push(input.kind === "video" ? await storeVideo(ctx, item, i, written) : await storeImage(ctx, item, i, written));
    }
    return { media, keys: written };
  } catch (error) {
    await deleteObjects({ keys: written });
    throw error;
  }
}
