import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { componentFolders, crossFeatureImports } from "@/tests/support/component-layers";
import { tempTree } from "@/tests/support/temp-tree";

const ROOT = join(import.meta.dirname, "..", "..");

describe("components/: the kit and the feature folders", () => {
  it("feature folders import the kit (ui, studio) and themselves, never each other; the kit imports no feature", () => {
    const folders = componentFolders(ROOT);
    // The walk really covers the studio's folders.
    expect(folders).toEqual(expect.arrayContaining(["ui", "studio", "shell", "generate", "edit", "video", "gallery", "usage", "admin", "tokens"]));
    expect(crossFeatureImports(ROOT).map((v) => `${v.file} imports ${v.target}: ${v.reason}`)).toEqual([]);
  });

  it("catches a feature importing another, the kit importing a feature, and ui importing the kit", () => {
    const root = tempTree("component-layers-", {
      "components/ui/button.tsx": 'import { hint } from "@/components/studio/hint";\nexport const Button = hint;',
      "components/studio/hint.tsx": 'import { total } from "../usage/total";\nexport const hint = total;',
      "components/usage/total.ts": 'import type { Row } from "@/components/gallery/row";\nexport const total = 1 as Row;',
      "components/gallery/row.ts":
        'import { Button } from "@/components/ui/button";\nimport { hint } from "../studio/hint";\nimport { tile } from "./tile";\nexport type Row = number;\nexport const row = [Button, hint, tile];',
      "components/gallery/tile.ts": "export const tile = 1;",
      "components/shell/app-shell.tsx": 'import { hint } from "@/components/studio/hint";\nimport { total } from "@/components/usage/total";\nexport const shell = [hint, total];',
    });
    expect(crossFeatureImports(root)).toEqual([
      { file: "components/shell/app-shell.tsx", target: "components/usage/total", reason: "shell may import only ui, studio and itself" },
      { file: "components/studio/hint.tsx", target: "components/usage/total", reason: "studio may import only ui and itself" },
      { file: "components/ui/button.tsx", target: "components/studio/hint", reason: "ui may import only itself" },
      { file: "components/usage/total.ts", target: "components/gallery/row", reason: "usage may import only ui, studio and itself" },
    ]);
  });
});
