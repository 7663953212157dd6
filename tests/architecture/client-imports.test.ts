import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BROWSER_SAFE_LIB, SERVER_PACKAGES } from "@/lib/browser-safe.mjs";
import { clientFilesUnder, clientViolations, sourceFilesUnder } from "@/tests/support/client-graph";
import { tempTree } from "@/tests/support/temp-tree";

const ROOT = join(import.meta.dirname, "..", "..");
const rules = { browserSafeLib: BROWSER_SAFE_LIB, serverPackages: SERVER_PACKAGES };
const describeAll = (violations: { module: string; reason: string; via: string[] }[]) => violations.map((v) => `${v.module} ${v.reason} (via ${v.via.join(" → ")})`);

describe("client code and server-only modules", () => {
  it("no client file reaches a server-only module, directly or through others", () => {
    // Every "use client" file, and everything under components/ ("use client" or not: a
    // server component there can be imported by a client one at any time).
    const entries = [...new Set([...clientFilesUnder(ROOT, ["app", "components"]), ...sourceFilesUnder(ROOT, ["components"])])];
    const { reached, violations } = clientViolations({ root: ROOT, entries, ...rules });
    // The walk really covers the studio: its client entry points and the lib modules they use.
    expect(entries).toEqual(expect.arrayContaining(["app/providers.tsx", "app/(studio)/generate/page-client.tsx", "components/studio/use-create-generation.ts"]));
    expect(reached).toEqual(expect.arrayContaining(["lib/api-fetch.ts", "lib/format/index.ts", "lib/generations/view.ts"]));
    expect(describeAll(violations)).toEqual([]);
  });

  it("every browser-safe lib module is safe itself, with everything it imports", () => {
    const entries = BROWSER_SAFE_LIB.flatMap((m) => [`lib/${m}.ts`, `lib/${m}/index.ts`]).filter((p) => existsSync(join(ROOT, p)));
    expect(entries.length).toBeGreaterThanOrEqual(BROWSER_SAFE_LIB.length - 2); // catalog and validation may be folders without an index
    expect(describeAll(clientViolations({ root: ROOT, entries, ...rules }).violations)).toEqual([]);
  });

  it("catches a client component that imports a server module, even two files away", () => {
    const root = tempTree("client-graph-", {
      "components/a/panel.tsx": '"use client";\nimport { helper } from "./helper";\nimport type { Row } from "@/lib/db/rows";\nexport const Panel = () => helper;',
      "components/a/helper.ts": 'import { load } from "@/lib/secrets/load";\nimport { format } from "@/lib/format";\nexport const helper = [load, format];',
      "lib/secrets/load.ts": 'import "server-only";\nexport const load = 1;',
      "lib/format/index.ts": "export const format = 1;",
      "lib/db/rows.ts": 'import "server-only";\nexport type Row = number;',
      "components/b/sharp.tsx": '"use client";\nimport sharp from "sharp";\nexport const s = sharp;',
      "components/c/server-card.tsx": 'import "server-only";\nexport const card = 1;',
    });
    const { violations } = clientViolations({ root, entries: clientFilesUnder(root, ["components"]), browserSafeLib: ["format"], serverPackages: ["sharp"] });
    expect(violations).toHaveLength(2);
    expect(violations).toEqual(
      expect.arrayContaining([
        { module: "lib/secrets/load.ts", reason: "is not in the browser-safe list of lib/ modules", via: ["components/a/panel.tsx", "components/a/helper.ts", "lib/secrets/load.ts"] },
        { module: "components/b/sharp.tsx", reason: 'imports the server package "sharp"', via: ["components/b/sharp.tsx"] },
      ]),
    );
  });
});
