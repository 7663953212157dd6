import { createHash, randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * `task_` + 26 Crockford base32 chars: 10 of millisecond time, 16 random (80 bits), like
 * the docs' `task_01KPQ7J7DWB7QZ3WCEK3YVPBRA`. Time first keeps ids roughly sortable.
 */
export function taskId(now: number = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = randomBytes(16);
  let rand = "";
  for (let i = 0; i < 16; i++) rand += CROCKFORD[random[i]! % 32];
  return `task_${time}${rand}`;
}

/** 128 random bits, URL-safe: file ids must not be guessable since /files needs no key. */
export function fileId(): string {
  return randomBytes(16).toString("base64url");
}

export function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\u0000");
  }
  return hash.digest("hex");
}

/** Small deterministic PRNG (mulberry32) so renders depend only on the request. */
export function seededRandom(seedHex: string): () => number {
  let a = Number.parseInt(seedHex.slice(0, 8), 16) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
