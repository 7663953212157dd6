import "server-only";

import { createHash } from "node:crypto";

import sharp, { type Metadata, type Sharp } from "sharp";

import { AppError } from "@/lib/errors";

import { UPLOAD_IMAGE_LABELS } from "@/lib/catalog";
import { withDecodeSlot } from "./decode-slots";
import { IMAGE_FORMATS, type ImageFormat, type ImageMimeType, isLosslessWebp, sniffImage } from "./sniff";

/** 20 MiB per uploaded image. */
export { MAX_UPLOAD_BYTES } from "@/lib/validation/generation";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/generation";
/** 40 megapixels: 160 MB of RGBA once decoded, the most one upload may cost. */
export const MAX_UPLOAD_PIXELS = 40_000_000;
export const DEFAULT_THUMBNAIL_SIZE = 512;
export const JPEG_QUALITY = 92;
export const WEBP_QUALITY = 92;
const THUMBNAIL_QUALITY = 80;

export interface InspectedImage {
  /** Re-encoded: oriented upright, every metadata block dropped, colours in sRGB. */
  bytes: Buffer;
  mimeType: ImageMimeType;
  ext: (typeof IMAGE_FORMATS)[ImageFormat]["ext"];
  /** After EXIF rotation, i.e. as displayed. */
  width: number;
  height: number;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
}

export interface ProbedImage {
  mimeType: ImageMimeType;
  width: number;
  height: number;
}

export interface Thumbnail {
  bytes: Buffer;
  width: number;
  height: number;
}

const MIB = 1024 * 1024;

function formatMegabytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0)} MB`;
}

function formatMegapixels(pixels: number): string {
  return `${Math.round(pixels / 1_000_000)} MP`;
}

function unsupported(detected: string): AppError {
  return new AppError(
    "unsupported_media_type",
    `Unsupported image type (${detected}). Upload a ${UPLOAD_IMAGE_LABELS} image.`,
  );
}

function tooManyPixels(width: number, height: number, maxPixels: number): AppError {
  return new AppError(
    "payload_too_large",
    `The image is ${width}×${height} pixels (${formatMegapixels(width * height)}); the limit is ${formatMegapixels(maxPixels)}.`,
  );
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

function undecodable(cause: unknown): AppError {
  return new AppError("invalid_request_error", "The image could not be read; the file may be corrupt or truncated.", {
    cause,
  });
}

/** sharp reports the decoder it picked; it must be the one the magic bytes promised. */
function sharpFormatMatches(format: ImageFormat, metadata: Metadata): boolean {
  return metadata.format === format;
}

function toBuffer(bytes: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got ${value})`);
}

/** Same format out as in. sharp writes no metadata unless asked, and converts to sRGB. */
function encodeAs(pipeline: Sharp, format: ImageFormat, input: Buffer): Sharp {
  switch (format) {
    case "png":
      return pipeline.png();
    case "jpeg":
      return pipeline.jpeg({ quality: JPEG_QUALITY });
    case "webp":
      return isLosslessWebp(input)
        ? pipeline.webp({ lossless: true })
        : pipeline.webp({ quality: WEBP_QUALITY });
  }
}

/**
 * Validates an uploaded image by its content and returns a clean re-encoded copy.
 * Order matters: byte limit, magic bytes, then the header's dimensions (read without
 * decoding pixels, so a decompression bomb is refused before it can allocate), and only
 * then a full decode with the pixel limit enforced once more by sharp itself.
 */
export async function inspectUpload(
  bytes: Buffer | Uint8Array,
  { maxBytes = MAX_UPLOAD_BYTES, maxPixels = MAX_UPLOAD_PIXELS }: { maxBytes?: number; maxPixels?: number } = {},
): Promise<InspectedImage> {
  checkPositiveInteger("maxBytes", maxBytes);
  checkPositiveInteger("maxPixels", maxPixels);
  if (bytes.byteLength === 0) throw new AppError("invalid_request_error", "The file is empty.");
  if (bytes.byteLength > maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The image is ${formatMegabytes(bytes.byteLength)}; the limit is ${formatMegabytes(maxBytes)}.`,
    );
  }

  const sniffed = sniffImage(bytes);
  if (sniffed.format === null) throw unsupported(sniffed.detected);
  const { format } = sniffed;
  const input = toBuffer(bytes);

  let metadata: Metadata;
  try {
    // No pixel limit here: the header is read, not the pixels, and we want the real size for the message.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw undecodable(error);
  }
  if (!sharpFormatMatches(format, metadata)) throw undecodable(new Error(`sniffed ${format}, sharp saw ${metadata.format}`));
  const { width, height } = metadata;
  if (!width || !height) throw undecodable(new Error("no dimensions in header"));
  if (width * height > maxPixels) throw tooManyPixels(width, height, maxPixels);

  try {
    const pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: "error", sequentialRead: true }).rotate();
    const { data, info } = await withDecodeSlot(() => encodeAs(pipeline, format, input).toBuffer({ resolveWithObject: true }));
    const spec = IMAGE_FORMATS[format];
    return {
      bytes: data,
      mimeType: spec.mimeType,
      ext: spec.ext,
      width: info.width,
      height: info.height,
      sha256: createHash("sha256").update(data).digest("hex"),
    };
  } catch (error) {
    if (isPixelLimitError(error)) throw tooManyPixels(width, height, maxPixels);
    throw undecodable(error);
  }
}

/** A WebP thumbnail that fits in `maxSize`×`maxSize`, upright, never enlarged. */
export async function makeImageThumbnail(
  bytes: Buffer | Uint8Array,
  { maxSize = DEFAULT_THUMBNAIL_SIZE, maxPixels = MAX_UPLOAD_PIXELS }: { maxSize?: number; maxPixels?: number } = {},
): Promise<Thumbnail> {
  checkPositiveInteger("maxSize", maxSize);
  checkPositiveInteger("maxPixels", maxPixels);
  const sniffed = sniffImage(bytes);
  if (sniffed.format === null) throw unsupported(sniffed.detected);
  try {
    const { data, info } = await withDecodeSlot(() =>
      sharp(toBuffer(bytes), { limitInputPixels: maxPixels, failOn: "error" })
        .rotate()
        .resize({ width: maxSize, height: maxSize, fit: "inside", withoutEnlargement: true })
        .webp({ quality: THUMBNAIL_QUALITY })
        .toBuffer({ resolveWithObject: true }),
    );
    return { bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (isPixelLimitError(error)) {
      throw new AppError("payload_too_large", `The image is larger than ${formatMegapixels(maxPixels)}.`, { cause: error });
    }
    throw undecodable(error);
  }
}

/**
 * Type and displayed size of a result file from Pixapi, read from the header only. The
 * upstream's Content-Type is not trusted: the bytes must be PNG, JPEG or WebP.
 */
export async function probeImage(bytes: Buffer | Uint8Array): Promise<ProbedImage> {
  const sniffed = sniffImage(bytes);
  if (sniffed.format === null) {
    throw new AppError(
      "upstream_error",
      `Pixapi returned a file that is not a ${UPLOAD_IMAGE_LABELS} image (detected: ${sniffed.detected}).`,
    );
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(toBuffer(bytes), { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new AppError("upstream_error", "Pixapi returned an image that cannot be read.", { cause });
  }
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!sharpFormatMatches(sniffed.format, metadata) || !width || !height) {
    throw new AppError("upstream_error", "Pixapi returned an image that cannot be read.");
  }
  return { mimeType: IMAGE_FORMATS[sniffed.format].mimeType, width, height };
}
