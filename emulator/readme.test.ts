import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPriceTable } from "./price-table";

describe("emulator/README.md", () => {
  it("shows the price table exactly as lib/catalog/prices.ts defines it", async () => {
    const readme = await fs.readFile(path.join(import.meta.dirname, "README.md"), "utf8");
    const match = /<!-- price-table:start -->\n([\s\S]*?)\n<!-- price-table:end -->/.exec(readme);
    expect(match?.[1]).toBe(renderPriceTable());
  });
});
