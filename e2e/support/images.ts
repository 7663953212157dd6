import sharp from "sharp";

/** Writes a small, real PNG (a coloured square with a circle) for upload tests. */
export async function writePng(path: string, { size = 320, color = "#7c3aed" }: { size?: number; color?: string } = {}): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="${color}"/><circle cx="50%" cy="50%" r="30%" fill="#fbbf24"/></svg>`;
  await sharp(Buffer.from(svg)).png().toFile(path);
  return path;
}
