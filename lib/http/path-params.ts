import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { isValidId } from "@/lib/validation/safe-text";
import { parseInput } from "./zod-fields";

/**
 * Every dynamic segment of every API route is an id (generation, media, user, and the
 * share/token ids other routes add). A segment that cannot be an id (a NUL, a slash, 10 kB
 * of junk) can never name a row, so it is a 404 like an unknown id, checked once here
 * before any handler could pass it to the database or a storage key.
 */
export function checkPathParams<P>(params: P): P {
  if (params && typeof params === "object") {
    for (const value of Object.values(params as Record<string, unknown>)) {
      const parts = Array.isArray(value) ? value : [value];
      if (!parts.every(isValidId)) throw new AppError("not_found_error", "Not found.");
    }
  }
  return params;
}

/** One path segment through a narrower schema than any id; not fitting is a 404 with `notFound`. */
export function readPathParam<S extends z.ZodType>(value: unknown, schema: S, notFound: string): z.infer<S> {
  return parseInput(schema, value, { notFound });
}
