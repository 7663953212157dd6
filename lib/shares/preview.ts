import "server-only";
import sharp from "sharp";
import type { MediaRow } from "@/lib/db/queries/media";
import { openObject } from "@/lib/storage";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "./view";

const MAX_INPUT_PIXELS = 40_000_000;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The 1200×630 card that link previews show (Open Graph, Twitter): the result whole in the
 * middle over a blurred, darkened fill of itself, so any aspect ratio fills the card. An
 * image is drawn from its original (a thumbnail is too small for the card); a video from
 * its poster frame.
 */
export async function renderSharePreview(media: MediaRow): Promise<Buffer> {
  const key = media.kind === "image" ? media.storageKey : media.thumbKey;
  if (!key) throw new Error("no still image to preview");
  const source = await readAll((await openObject({ key })).stream);
  const background = await sharp(source, { limitInputPixels: MAX_INPUT_PIXELS })
    .resize(PREVIEW_WIDTH, PREVIEW_HEIGHT, { fit: "cover" })
    .blur(28)
    .modulate({ brightness: 0.55 })
    .toBuffer();
  const front = await sharp(source, { limitInputPixels: MAX_INPUT_PIXELS })
    .resize(PREVIEW_WIDTH - 80, PREVIEW_HEIGHT - 60, { fit: "inside" })
    .toBuffer();
  return sharp(background).composite([{ input: front, gravity: "center" }]).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
