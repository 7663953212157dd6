import type { z } from "zod";
import { parseInput } from "./zod-fields";

/**
 * Reads request headers through a schema of lowercase header names (a 400 naming the
 * header when one does not fit). Headers the schema does not name are ignored.
 */
export function readHeaders<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    raw[name] = value;
  });
  return parseInput(schema, raw, { fallback: "Invalid headers." });
}
