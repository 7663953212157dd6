import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackUrl("/gallery?type=video")).toBe("/gallery?type=video");
  });
  it("refuses other origins, protocol-relative URLs and auth pages", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "/sign-in", "/api/health", undefined, 42]) {
      expect(safeCallbackUrl(bad)).toBe("/generate");
    }
  });
});
