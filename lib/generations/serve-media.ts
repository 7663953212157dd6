import "server-only";
import type { MediaRow } from "@/lib/db/queries/generations";
import { objectResponse, openObject, parseRangeHeader } from "@/lib/storage";

const EXT: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "video/mp4": "mp4", "video/webm": "webm" };

/** Streams one of our media files (or its thumbnail), with byte ranges for video seeking. */
export async function serveMedia(
  req: Request,
  media: MediaRow,
  { variant, download, cacheControl }: { variant: "original" | "thumb"; download: boolean; cacheControl?: string },
): Promise<Response> {
  const useThumb = variant === "thumb" && media.thumbKey;
  const key = useThumb ? (media.thumbKey as string) : media.storageKey;
  const range = useThumb ? null : parseRangeHeader(req.headers.get("range"));
  const opened = await openObject({ key, range: range ?? undefined });
  const res = objectResponse(opened, { partial: range !== null, ...(cacheControl ? { cacheControl } : {}) });
  if (download) {
    const ext = EXT[media.mimeType] ?? "bin";
    res.headers.set("content-disposition", `attachment; filename="pixapi-${media.id.slice(0, 12)}.${ext}"`);
  } else {
    res.headers.set("content-disposition", "inline");
  }
  return res;
}
