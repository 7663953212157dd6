import "server-only";
import { createHash } from "node:crypto";

/**
 * A counter key for values a client controls (an address, an email): a short hash, so a
 * header of any length or content never becomes an index key as is.
 */
export function limitKey(scope: string, ...parts: string[]): string {
  return `${scope}:${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32)}`;
}
