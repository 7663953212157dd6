import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackUrl("/gallery?type=video")).toBe("/gallery?type=video");
    expect(safeCallbackUrl("https://studio.example/usage", { origin: "https://studio.example" })).toBe("/usage");
  });
  it("refuses other origins, protocol-relative URLs, smuggled hosts and auth pages", () => {
    const bad = [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\t//evil.example",
      "/%09/evil.example".replace("%09", "\t"),
      "javascript:alert(1)",
      "data:text/html,x",
      "http://studio.invalid@evil.example",
      "/sign-in",
      "/api/health",
      "",
      "x".repeat(3000),
      undefined,
      42,
    ];
    for (const value of bad) expect(safeCallbackUrl(value), JSON.stringify(value)).toBe("/generate");
  });
  it("resolves relative paths against our origin", () => {
    expect(safeCallbackUrl("/a/../gallery")).toBe("/gallery");
    expect(safeCallbackUrl("/\t/evil.example", { origin: "https://studio.example" })).toBe("/generate");
  });
});
