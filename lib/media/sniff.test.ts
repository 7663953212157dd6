import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { isLosslessWebp, sniffImage } from "./sniff";

const solid = () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#336699" } });

describe("sniffImage", () => {
  it("recognises the three accepted formats by content", async () => {
    expect(sniffImage(await solid().png().toBuffer())).toEqual({ format: "png" });
    expect(sniffImage(await solid().jpeg().toBuffer())).toEqual({ format: "jpeg" });
    expect(sniffImage(await solid().webp().toBuffer())).toEqual({ format: "webp" });
  });

  it.each([
    ["GIF", Buffer.from("GIF89a\x01\x00\x01\x00", "latin1")],
    ["SVG/XML/HTML", Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["SVG/XML/HTML", Buffer.from("\uFEFF  <svg width='1' height='1'></svg>")],
    ["HEIC/HEIF", Buffer.from("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "latin1")],
    ["AVIF", Buffer.from("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00", "latin1")],
    ["PDF", Buffer.from("%PDF-1.7\n")],
    ["BMP", Buffer.from("BM\x00\x00", "latin1")],
    ["TIFF", Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ["text", Buffer.from("just some notes, renamed to photo.png\n")],
    ["an empty file", Buffer.alloc(0)],
    ["an unknown format", Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80, 0x81])],
  ])("names %s and refuses it", (detected, bytes) => {
    expect(sniffImage(bytes)).toEqual({ format: null, detected });
  });

  it("does not mistake a RIFF WAVE file for WebP", () => {
    expect(sniffImage(Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"))).toEqual({
      format: null,
      detected: "RIFF (not WebP)",
    });
  });
});

describe("isLosslessWebp", () => {
  it("tells lossless from lossy, in simple and extended files", async () => {
    expect(isLosslessWebp(await solid().webp({ lossless: true }).toBuffer())).toBe(true);
    expect(isLosslessWebp(await solid().webp({ quality: 80 }).toBuffer())).toBe(false);
    // An alpha channel makes sharp write the extended (VP8X) layout.
    const withAlpha = sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } });
    expect(isLosslessWebp(await withAlpha.clone().webp({ lossless: true }).toBuffer())).toBe(true);
    expect(isLosslessWebp(await withAlpha.clone().webp({ quality: 80 }).toBuffer())).toBe(false);
  });
});
