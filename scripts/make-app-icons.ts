/**
 * Draws the studio's app icons (the header's violet-to-fuchsia tile with a spark) and writes
 * the files Next's metadata conventions serve: app/favicon.ico (16, 32 and 48 px PNGs in one
 * ICO), app/icon.png (512), app/apple-icon.png (180). Run after changing the artwork:
 *   npx tsx scripts/make-app-icons.ts
 * The outputs are committed; nothing runs at build time.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";

const APP = join(import.meta.dirname, "..", "app");

/** accent-500 (oklch 0.61 0.22 293) to fuchsia-500, as in the header's logo tile. */
function artwork({ rounded }: { rounded: boolean }): Buffer {
  const radius = rounded ? 112 : 0;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#7c5cf5"/><stop offset="1" stop-color="#d946ef"/></linearGradient></defs>
  <rect width="512" height="512" rx="${radius}" fill="url(#g)"/>
  <path d="M256 96 292 220 416 256 292 292 256 416 220 292 96 256 220 220Z" fill="#fff"/>
</svg>`);
}

const png = (size: number, rounded: boolean) => sharp(artwork({ rounded }), { density: 384 }).resize(size, size).png().toBuffer();

/** An ICO holding PNG images (supported by every browser that asks for /favicon.ico). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const favicon = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size, true) })));
writeFileSync(join(APP, "favicon.ico"), ico(favicon));
writeFileSync(join(APP, "icon.png"), await png(512, true));
// iOS rounds the corners itself and shows transparency as black: a full square.
writeFileSync(join(APP, "apple-icon.png"), await png(180, false));
console.log("wrote app/favicon.ico, app/icon.png, app/apple-icon.png");
