import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { inspectUpload, makeImageThumbnail, MAX_UPLOAD_BYTES, MAX_UPLOAD_PIXELS, probeImage } from "./image";
import { isLosslessWebp, sniffImage } from "./sniff";

// ---- fixtures, all built here -------------------------------------------------------

/** 64×32: left half red, right half blue, so a rotation is visible in the pixels. */
function halves() {
  const raw = Buffer.alloc(64 * 32 * 3);
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 64; x++) {
      raw.set(x < 32 ? [255, 0, 0] : [0, 0, 255], (y * 64 + x) * 3);
    }
  }
  return sharp(raw, { raw: { width: 64, height: 32, channels: 3 } });
}

const SPY_EXIF = {
  IFD0: { Make: "SpyCam", Model: "Model X", Software: "LeakyApp 1.0" },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
};

function noisy(width: number, height: number) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
}

function pngChunks(png: Buffer): string[] {
  const names: string[] = [];
  for (let offset = 8; offset + 8 <= png.length; offset += 12 + png.readUInt32BE(offset)) {
    names.push(png.toString("latin1", offset + 4, offset + 8));
  }
  return names;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A ~100-byte PNG whose header claims width×height RGBA pixels (a decompression bomb). */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(Buffer.alloc(4096))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

async function expectAppError(promise: Promise<unknown>, status: number, type: string, message?: RegExp) {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ status, type });
  if (message) expect((error as AppError).message).toMatch(message);
}

// ---- inspectUpload ---------------------------------------------------------------------

describe("inspectUpload", () => {
  it("exports the documented defaults", () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_UPLOAD_PIXELS).toBe(40_000_000);
  });

  it("applies EXIF orientation 6 and drops the EXIF block", async () => {
    const input = await halves().withExif(SPY_EXIF).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const before = await sharp(input).metadata();
    expect(before).toMatchObject({ orientation: 6, width: 64, height: 32 });

    const out = await inspectUpload(input);
    expect(out).toMatchObject({ mimeType: "image/jpeg", ext: "jpg", width: 32, height: 64 });
    const after = await sharp(out.bytes).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 32, height: 64 });
    expect(after.orientation).toBeUndefined();
    expect(after.exif).toBeUndefined();
    expect(out.bytes.includes("SpyCam")).toBe(false);

    // Rotated 90° clockwise: the red left half is now on top.
    const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    const top = [...data.subarray((2 * 32 + 16) * 3, (2 * 32 + 16) * 3 + 3)];
    const bottom = [...data.subarray((61 * 32 + 16) * 3, (61 * 32 + 16) * 3 + 3)];
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });

  it("strips EXIF/GPS, XMP and a non-sRGB ICC profile from a PNG and keeps it a PNG", async () => {
    const input = await halves()
      .withExif(SPY_EXIF)
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .withIccProfile("p3")
      .png()
      .toBuffer();
    expect(pngChunks(input)).toEqual(expect.arrayContaining(["eXIf", "iCCP"]));

    const out = await inspectUpload(input);
    expect(out).toMatchObject({ mimeType: "image/png", ext: "png", width: 64, height: 32 });
    expect(pngChunks(out.bytes)).not.toEqual(expect.arrayContaining(["eXIf"]));
    expect(pngChunks(out.bytes).filter((c) => ["eXIf", "iCCP", "tEXt", "zTXt", "iTXt"].includes(c))).toEqual([]);
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.hasProfile).toBe(false);
    expect(out.bytes.includes("SpyCam")).toBe(false);
  });

  it("re-encodes WebP as WebP, keeping lossless files lossless", async () => {
    const lossy = await inspectUpload(await halves().webp({ quality: 70 }).toBuffer());
    expect(lossy).toMatchObject({ mimeType: "image/webp", ext: "webp", width: 64, height: 32 });
    expect(sniffImage(lossy.bytes)).toEqual({ format: "webp" });
    expect(isLosslessWebp(lossy.bytes)).toBe(false);

    const lossless = await inspectUpload(await halves().webp({ lossless: true }).toBuffer());
    expect(isLosslessWebp(lossless.bytes)).toBe(true);
  });

  it("returns the SHA-256 of the bytes it returns", async () => {
    const out = await inspectUpload(await halves().png().toBuffer());
    expect(out.sha256).toBe(createHash("sha256").update(out.bytes).digest("hex"));
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a plain Uint8Array", async () => {
    const png = await halves().png().toBuffer();
    const out = await inspectUpload(new Uint8Array(png));
    expect(out.width).toBe(64);
  });

  it("rejects a text file named .png with 415 naming the allowed formats", async () => {
    await expectAppError(
      inspectUpload(Buffer.from("hello, I am definitely a picture.png\n")),
      415,
      "unsupported_media_type",
      /Unsupported image type \(text\)\. Upload a PNG, JPEG or WebP image\./,
    );
  });

  it("rejects GIF, SVG and HEIC with 415", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#0f0" } }).gif().toBuffer();
    await expectAppError(inspectUpload(gif), 415, "unsupported_media_type", /GIF/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    await expectAppError(inspectUpload(svg), 415, "unsupported_media_type", /SVG/);
    const heic = Buffer.from("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "latin1");
    await expectAppError(inspectUpload(heic), 415, "unsupported_media_type", /HEIC/);
  });

  it("rejects a truncated JPEG with 400", async () => {
    const full = await noisy(256, 256).jpeg({ quality: 90 }).toBuffer();
    await expectAppError(
      inspectUpload(full.subarray(0, Math.floor(full.length * 0.6))),
      400,
      "invalid_request_error",
      /corrupt or truncated/,
    );
  });

  it("rejects a truncated PNG and garbage behind valid magic bytes with 400", async () => {
    const png = await noisy(128, 128).png().toBuffer();
    await expectAppError(inspectUpload(png.subarray(0, Math.floor(png.length * 0.7))), 400, "invalid_request_error");
    const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);
    await expectAppError(inspectUpload(fakeJpeg), 400, "invalid_request_error");
    const fakeWebp = Buffer.concat([Buffer.from("RIFF\x00\x01\x00\x00WEBPVP8 ", "latin1"), randomBytes(500)]);
    await expectAppError(inspectUpload(fakeWebp), 400, "invalid_request_error");
  });

  it("rejects an empty file with 400", async () => {
    await expectAppError(inspectUpload(Buffer.alloc(0)), 400, "invalid_request_error", /empty/);
  });

  it("refuses a tiny PNG that declares 50000×50000 pixels without decoding it", async () => {
    const bomb = bombPng(50_000, 50_000);
    expect(bomb.length).toBeLessThan(200);
    await expectAppError(inspectUpload(bomb), 413, "payload_too_large", /50000×50000 pixels \(2500 MP\); the limit is 40 MP/);
  });

  it("refuses a real, highly compressible image over the pixel limit", async () => {
    const flat = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(flat.length).toBeLessThan(50_000);
    await expectAppError(inspectUpload(flat, { maxPixels: 1_000_000 }), 413, "payload_too_large", /2000×1500/);
    const ok = await inspectUpload(flat, { maxPixels: 3_000_000 });
    expect(ok).toMatchObject({ width: 2000, height: 1500 });
  });

  it("refuses a file over the byte limit with 413 before looking inside", async () => {
    const png = await noisy(64, 64).png().toBuffer();
    await expectAppError(inspectUpload(png, { maxBytes: 1000 }), 413, "payload_too_large", /the limit is/);
    // Even non-images: size is checked first.
    await expectAppError(inspectUpload(Buffer.alloc(2000, 0x41), { maxBytes: 1000 }), 413, "payload_too_large");
  });
});

// ---- makeImageThumbnail ----------------------------------------------------------------

describe("makeImageThumbnail", () => {
  it("makes a WebP that fits the box and keeps the aspect ratio", async () => {
    const input = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#123456" } }).png().toBuffer();
    const thumb = await makeImageThumbnail(input);
    expect(thumb).toMatchObject({ width: 512, height: 256 });
    expect(sniffImage(thumb.bytes)).toEqual({ format: "webp" });
    expect(await sharp(thumb.bytes).metadata()).toMatchObject({ format: "webp", width: 512, height: 256 });

    const portrait = await makeImageThumbnail(
      await sharp({ create: { width: 300, height: 900, channels: 3, background: "#654321" } }).jpeg().toBuffer(),
      { maxSize: 128 },
    );
    expect(portrait).toMatchObject({ width: 43, height: 128 });
  });

  it("never enlarges a small image", async () => {
    const thumb = await makeImageThumbnail(await halves().png().toBuffer());
    expect(thumb).toMatchObject({ width: 64, height: 32 });
  });

  it("honours EXIF orientation", async () => {
    const input = await halves().withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(await makeImageThumbnail(input)).toMatchObject({ width: 32, height: 64 });
  });

  it("refuses a decompression bomb", async () => {
    await expectAppError(makeImageThumbnail(bombPng(50_000, 50_000)), 413, "payload_too_large");
  });
});

// ---- probeImage ------------------------------------------------------------------------

describe("probeImage", () => {
  it("reports type and displayed size of PNG, JPEG and WebP", async () => {
    expect(await probeImage(await halves().png().toBuffer())).toEqual({ mimeType: "image/png", width: 64, height: 32 });
    expect(await probeImage(await halves().webp().toBuffer())).toEqual({ mimeType: "image/webp", width: 64, height: 32 });
    const rotated = await halves().withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(await probeImage(rotated)).toEqual({ mimeType: "image/jpeg", width: 32, height: 64 });
  });

  it("rejects an unexpected type from upstream, whatever its name or header said", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#0f0" } }).gif().toBuffer();
    await expectAppError(probeImage(gif), 502, "upstream_error", /not a PNG, JPEG or WebP image \(detected: GIF\)/);
    await expectAppError(probeImage(Buffer.from("<html><body>502 Bad Gateway</body></html>")), 502, "upstream_error", /SVG\/XML\/HTML/);
  });

  it("rejects an unreadable image from upstream", async () => {
    await expectAppError(probeImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])), 502, "upstream_error");
  });
});
