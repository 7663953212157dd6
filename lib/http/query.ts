import type { z } from "zod";
import { parseInput } from "./zod-fields";

/**
 * Reads a request's query string through a schema (a 400 naming the field when it does
 * not fit). Empty parameters (`?model=`) count as absent, as a form leaves them.
 */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  return parseQuery(new URL(req.url).searchParams, schema);
}

/** The same for search params a page already has (server components). */
export function parseQuery<S extends z.ZodType>(params: URLSearchParams, schema: S): z.infer<S> {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  return parseInput(schema, raw, { fallback: "Invalid query." });
}
