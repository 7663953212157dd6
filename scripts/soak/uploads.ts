import { randomBytes } from "node:crypto";
import sharp from "sharp";

/**
 * The images edits upload: one of ~4 MB (random pixels do not compress, so the PNG stays
 * as big as its pixels) and one small. Both are real PNGs the studio must sniff and decode.
 */
export async function uploadImages(): Promise<{ big: Buffer; small: Buffer }> {
  const png = (width: number, height: number) => sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
  return { big: await png(1190, 1120), small: await png(256, 256) };
}

/** multipart/form-data with text fields and one file, as a browser's FormData sends it. */
export function multipartBody(fields: Record<string, string>, file: { field: string; name: string; type: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----soak${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
