import sharp from "sharp";
import { invalidRequest, tooLarge } from "./errors";

export type ImageKind = "png" | "jpeg" | "webp";

/** What the bytes say, not what the file name or the declared type say. */
export function sniffImage(bytes: Buffer): ImageKind | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return "webp";
  return undefined;
}

/**
 * Accepts an input image only if its magic bytes are PNG, JPEG or WebP and its header
 * declares at most `maxPixels`. Reading the header (sharp.metadata) decodes no pixels,
 * so a tiny file that claims 30000×30000 — a decompression bomb — is refused before any
 * memory is spent on it. `label` names the input in messages (e.g. "image[2]").
 */
export async function checkImage(bytes: Buffer, label: string, maxPixels: number): Promise<{ width: number; height: number; kind: ImageKind }> {
  if (bytes.length === 0) throw invalidRequest(`'${label}' is empty`);
  const kind = sniffImage(bytes);
  if (!kind) throw invalidRequest(`'${label}' is not a PNG, JPEG or WebP image`);
  let width: number | undefined;
  let height: number | undefined;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.width;
    height = meta.height;
  } catch {
    throw invalidRequest(`'${label}' could not be read as a ${kind.toUpperCase()} image`);
  }
  if (!width || !height) throw invalidRequest(`'${label}' has no readable dimensions`);
  if (width * height > maxPixels) {
    throw tooLarge(`'${label}' is ${width}x${height} (${width * height} pixels); the limit is ${maxPixels} pixels`);
  }
  return { width, height, kind };
}
