import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { withHashSlot } from "./hash-slots";

/**
 * Passwords are hashed with scrypt (memory-hard, built into Node: no native addon to
 * install). N=2^15, r=8 uses 32 MiB per hash, which makes GPU guessing expensive while a
 * sign-in still costs well under a second on our 2-core machines.
 * Stored as: scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, opts: { N: number; r: number; p: number }): Promise<Buffer> {
  // Stored hashes are ours, but a corrupted row must not ask for gigabytes.
  if (opts.N > PARAMS.N * 4 || opts.r > 16 || opts.p > 4) return Promise.reject(new Error("scrypt parameters out of range"));
  const options: ScryptOptions = { ...opts, maxmem: 128 * opts.N * opts.r * 2 };
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, "base64url");
  let actual: Buffer;
  try {
    actual = await derive(password, Buffer.from(saltB64, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  } catch (error) {
    if (error instanceof Error && error.name === "HashingBusyError") throw error;
    return false;
  }
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A fixed hash to verify against when the email is unknown, so "no such user" and
 * "wrong password" take the same time and can't be told apart by a stopwatch.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-" + randomBytes(8).toString("hex"));
  return dummyHash;
}
