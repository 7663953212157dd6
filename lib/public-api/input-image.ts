import "server-only";
import { getMediaForUser } from "@/lib/db/queries/media";
import { AppError } from "@/lib/errors";
import { openObject } from "@/lib/storage";
import { parseSignedFileUrl } from "./file-urls";

/** Decoded size cap, the same as an upload's (lib/media checks the bytes themselves). */
const DATA_URL = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/=\s]+)$/;

/**
 * `input_image` for image-to-video. Pixapi takes any URL; the studio does not fetch
 * arbitrary URLs on a caller's behalf (that would let any token holder make the server
 * request internal addresses). It takes what a script naturally has instead: a link the
 * studio itself returned (data[].url / result.data[].url, for the caller's own outputs)
 * or the image inline as a base64 data: URL.
 */
export async function resolveInputImage({ value, userId }: { value: string; userId: string }): Promise<Uint8Array> {
  const data = DATA_URL.exec(value);
  if (data) return new Uint8Array(Buffer.from(data[2]!.replace(/\s+/g, ""), "base64"));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse();
  }
  const mediaId = parseSignedFileUrl(url);
  if (!mediaId) throw refuse();
  const media = await getMediaForUser({ id: mediaId, userId });
  if (!media || media.kind !== "image") throw refuse();
  const opened = await openObject({ key: media.storageKey });
  return new Uint8Array(await new Response(opened.stream).arrayBuffer());
}

function refuse(): AppError {
  return new AppError(
    "invalid_request_error",
    "input_image must be an image link this studio returned to you (a data[].url, still valid) or a data:image/png|jpeg|webp;base64 URL; the studio does not fetch other URLs.",
  );
}
