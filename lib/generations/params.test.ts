import { describe, expect, it } from "vitest";
import { parseStoredParams } from "./params";

describe("stored generation params", () => {
  it("keeps the fields the studio writes", () => {
    expect(parseStoredParams({ n: 2, size: "1024x1024", quality: "high" })).toEqual({ n: 2, size: "1024x1024", quality: "high" });
    expect(parseStoredParams({ duration: 5, size: "16:9" })).toEqual({ duration: 5, size: "16:9" });
  });

  it("drops a field of the wrong shape and keeps the rest; a non-object reads as none", () => {
    expect(parseStoredParams({ n: "2", size: "1024x1024", quality: "ultra", extra: true })).toEqual({ size: "1024x1024" });
    expect(Object.keys(parseStoredParams({ size: "auto" }))).toEqual(["size"]);
    expect(parseStoredParams(null)).toEqual({});
    expect(parseStoredParams([1, 2])).toEqual({});
  });
});
