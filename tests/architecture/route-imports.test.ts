import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFilesUnder } from "@/tests/support/client-graph";

const ROOT = join(import.meta.dirname, "..", "..");

/** Every module specifier a file imports or re-exports (type-only ones included: the rule is about layering). */
const SPECIFIER = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

/** lib/db is the only door to the database, and only lib's feature modules may open it. */
const isDatabaseModule = (spec: string) => /^@\/lib\/db(\/|$)/.test(spec) || /(^|\/)lib\/db(\/|$)/.test(spec);

function databaseImports(files: string[], read: (file: string) => string): string[] {
  return files.flatMap((file) =>
    [...read(file).matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? "").filter(isDatabaseModule).map((spec) => `${file} imports ${spec}`),
  );
}

describe("routes and pages call feature modules, never the database layer", () => {
  it("no file under app/ imports lib/db (route handlers, pages, layouts, actions)", () => {
    const files = sourceFilesUnder(ROOT, ["app"]);
    // The walk covers the studio's handlers and pages.
    expect(files).toEqual(expect.arrayContaining(["app/api/generations/route.ts", "app/api/media/[id]/route.ts", "app/v1/files/[id]/route.ts", "app/(studio)/usage/page.tsx"]));
    expect(databaseImports(files, (f) => readFileSync(join(ROOT, f), "utf8"))).toEqual([]);
  });

  it("catches a direct, a type-only and a dynamic import of the queries", () => {
    const sources: Record<string, string> = {
      "app/api/a/route.ts": 'import { getThing } from "@/lib/db/queries/things";\nexport const GET = getThing;',
      "app/api/b/route.ts": 'import type { Row } from "@/lib/db/queries/rows";\nexport type R = Row;',
      "app/c/page.tsx": 'const q = await import("@/lib/db/queries/things");\nexport default q;',
      "app/api/d/route.ts": 'import { listThings } from "@/lib/things/list";\nexport const GET = listThings;',
    };
    expect(databaseImports(Object.keys(sources), (f) => sources[f]!)).toEqual([
      "app/api/a/route.ts imports @/lib/db/queries/things",
      "app/api/b/route.ts imports @/lib/db/queries/rows",
      "app/c/page.tsx imports @/lib/db/queries/things",
    ]);
  });
});
