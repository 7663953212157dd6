import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_TABLES } from "./corpus";
import { HTTP_METHODS } from "./harness";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function routeFiles(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, "app"), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /^route\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .sort();
}

describe("every route handler file", () => {
  it("has a table in the security corpus (tests/security/corpus/index.ts)", async () => {
    const covered = new Set(ROUTE_TABLES.map((t) => t.file));
    const missing = (await routeFiles()).filter((f) => !covered.has(f));
    expect(missing, "route files without a security table").toEqual([]);
  });

  it("answers every method, the unsupported ones with a 405 envelope (unsupportedMethods)", async () => {
    for (const table of ROUTE_TABLES) {
      for (const method of HTTP_METHODS) {
        expect(typeof table.route[method], `${table.file} exports ${method}`).toBe("function");
      }
    }
  });
});
