import "server-only";
import type { NewMedia } from "@/lib/db/queries/media";
import { extensionForType } from "@/lib/catalog";
import { newId } from "@/lib/ids";
import { mediaKey, putObject, putObjectFromFile } from "@/lib/storage";

/** A checked media file, ready to be stored: its bytes (in memory or in a local file) and what we know of them. */
export interface MediaToStore {
  role: NewMedia["role"];
  kind: NewMedia["kind"];
  position: number;
  mimeType: string;
  width: number;
  height: number;
  durationMs?: number | null;
  sha256: string;
  /** In memory, or a local file that storing moves away. */
  body: { bytes: Uint8Array } | { file: string; size: number };
  /** The WebP thumbnail (a poster frame for videos). */
  thumb: Uint8Array;
}

/**
 * The one way a generation's file becomes stored media: picks the id and keys, writes the
 * file and its thumbnail, and returns the row to insert. Each key is pushed onto `written`
 * as soon as it exists, so a caller that fails later can remove exactly what was written.
 */
export async function storeMedia(
  owner: { userId: string; generationId: string },
  media: MediaToStore,
  written: string[],
): Promise<NewMedia> {
  const id = newId();
  const fallback = media.kind === "video" ? "mp4" : "png";
  const storageKey = mediaKey({ ...owner, mediaId: id, ext: extensionForType(media.mimeType) ?? fallback });
  const thumbKey = mediaKey({ ...owner, mediaId: `${id}-${media.kind === "video" ? "poster" : "thumb"}`, ext: "webp" });
  if ("bytes" in media.body) await putObject({ key: storageKey, body: media.body.bytes, contentType: media.mimeType });
  else await putObjectFromFile({ key: storageKey, path: media.body.file, contentType: media.mimeType, mode: "move" });
  written.push(storageKey);
  await putObject({ key: thumbKey, body: media.thumb, contentType: "image/webp" });
  written.push(thumbKey);
  return {
    id,
    role: media.role,
    kind: media.kind,
    mimeType: media.mimeType,
    width: media.width,
    height: media.height,
    ...(media.durationMs !== undefined ? { durationMs: media.durationMs } : {}),
    bytes: "bytes" in media.body ? media.body.bytes.length : media.body.size,
    storageKey,
    thumbKey,
    sha256: media.sha256,
    position: media.position,
  };
}
