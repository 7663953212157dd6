import "server-only";

import { AppError } from "@/lib/errors";

/**
 * A requested byte range, before the object's size is known:
 * `{ start, end? }` is `bytes=start-end` (end inclusive, open when absent),
 * `{ suffix }` is `bytes=-suffix` (the last `suffix` bytes).
 */
export type ByteRange = { start: number; end?: number } | { suffix: number };

/** Inclusive offsets within the object; the length is `end - start + 1`. */
export interface ResolvedRange {
  start: number;
  end: number;
}

/**
 * Parses a `Range` request header. Returns null when there is nothing usable (no header,
 * another unit, several ranges, bad syntax): RFC 9110 lets a server ignore such a header
 * and send the whole representation, which is what browsers cope with best.
 */
export function parseRangeHeader(header: string | null | undefined): ByteRange | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    return Number.isSafeInteger(suffix) ? { suffix } : null;
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start)) return null;
  if (last === "") return { start };
  const end = Number(last);
  if (!Number.isSafeInteger(end) || end < start) return null;
  return { start, end };
}

/**
 * Fits a requested range to an object of `size` bytes. Throws a 416 AppError when the
 * range cannot be satisfied (it starts past the end, or asks for an empty suffix); the
 * caller answers with `Content-Range: bytes *\/<size>`.
 */
export function resolveRange(range: ByteRange | undefined, size: number): ResolvedRange {
  // An empty object read whole is { start: 0, end: -1 }: end - start + 1 is still its length.
  if (range === undefined) return { start: 0, end: size - 1 };
  if ("suffix" in range) {
    if (range.suffix <= 0 || size === 0) throw unsatisfiable(size);
    return { start: Math.max(0, size - range.suffix), end: size - 1 };
  }
  if (!Number.isSafeInteger(range.start) || range.start < 0 || range.start >= size) throw unsatisfiable(size);
  const end = range.end === undefined ? size - 1 : Math.min(range.end, size - 1);
  if (!Number.isSafeInteger(end) || end < range.start) throw unsatisfiable(size);
  return { start: range.start, end };
}

function unsatisfiable(size: number): AppError {
  return new AppError("range_not_satisfiable", `Requested range not satisfiable (object is ${size} bytes).`, {
    headers: { "content-range": `bytes */${size}` },
  });
}
