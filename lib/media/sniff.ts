import "server-only";
import { MEDIA_TYPES } from "@/lib/catalog";

/**
 * Content sniffing by magic bytes. A file's name and declared type are the sender's
 * claim; these first bytes are what a decoder will actually act on.
 */
export const IMAGE_FORMATS = {
  png: { mimeType: MEDIA_TYPES.png, ext: "png", label: "PNG" },
  jpeg: { mimeType: MEDIA_TYPES.jpg, ext: "jpg", label: "JPEG" },
  webp: { mimeType: MEDIA_TYPES.webp, ext: "webp", label: "WebP" },
} as const;

export type ImageFormat = keyof typeof IMAGE_FORMATS;
export type ImageMimeType = (typeof IMAGE_FORMATS)[ImageFormat]["mimeType"];


export type SniffResult = { format: ImageFormat } | { format: null; detected: string };

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (bytes.length < start + length) return "";
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** ISO base media files (HEIC, AVIF, MP4, MOV) say what they are in the `ftyp` box. */
function isoBrand(bytes: Uint8Array): string | null {
  if (ascii(bytes, 4, 4) !== "ftyp") return null;
  const brand = ascii(bytes, 8, 4);
  if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return "HEIC/HEIF";
  if (/^avi[fs]$/.test(brand)) return "AVIF";
  return "MP4/QuickTime video";
}

/** Names what the bytes are, precisely for the three accepted formats, roughly for the rest. */
export function sniffImage(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, PNG_SIGNATURE)) return { format: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: "jpeg" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return { format: "webp" };
  return { format: null, detected: describeOther(bytes) };
}

function describeOther(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  const head = ascii(bytes, 0, Math.min(bytes.length, 6));
  if (head === "GIF87a" || head === "GIF89a") return "GIF";
  if (head.startsWith("%PDF")) return "PDF";
  if (head.startsWith("BM")) return "BMP";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "TIFF";
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return "ICO";
  if (startsWith(bytes, [0xff, 0x0a]) || ascii(bytes, 4, 4) === "JXL ") return "JPEG XL";
  if (ascii(bytes, 0, 4) === "RIFF") return "RIFF (not WebP)";
  const brand = isoBrand(bytes);
  if (brand) return brand;
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart();
  if (/^<(\?xml|svg|!doctype|html)/i.test(text) || /<svg[\s>]/i.test(text)) return "SVG/XML/HTML";
  if (/^[\x09\x0a\x0d\x20-\x7e]*$/.test(text.slice(0, 256))) return "text";
  return "an unknown format";
}

/**
 * Lossless WebP (a VP8L bitstream) must stay lossless when re-encoded. Simple files put
 * the bitstream first; extended (VP8X) files list chunks, which are walked here.
 */
export function isLosslessWebp(bytes: Uint8Array): boolean {
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const fourcc = ascii(bytes, offset, 4);
    if (fourcc === "VP8L") return true;
    if (fourcc === "VP8 ") return false;
    const size =
      (bytes[offset + 4] ?? 0) | ((bytes[offset + 5] ?? 0) << 8) | ((bytes[offset + 6] ?? 0) << 16) | ((bytes[offset + 7] ?? 0) << 24);
    // Chunks are padded to an even length.
    offset += 8 + (size >>> 0) + ((size >>> 0) % 2);
  }
  return false;
}
