import { describe, expect, it } from "vitest";
import { parseStoredParams, sameStoredParams, storedParamsOf } from "./params";

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

  it("keeps the alias a request used, and only then", () => {
    const image = { kind: "image", model: "nano-banana", prompt: "p", n: 1, size: "1024x1024", quality: "auto" } as const;
    expect(storedParamsOf(image, "gemini-2.5-flash-image")).toEqual({ n: 1, size: "1024x1024", quality: "auto", requestedModel: "nano-banana" });
    expect(storedParamsOf({ ...image, model: "gpt-image-2" }, "gpt-image-2")).toEqual({ n: 1, size: "1024x1024", quality: "auto" });
    const video = { kind: "video", model: "veo", prompt: "p", duration: 4, size: "16:9" } as const;
    expect(storedParamsOf(video, "veo")).toEqual({ duration: 4, size: "16:9" });
    expect(parseStoredParams({ size: "auto", requestedModel: "nano-banana" })).toEqual({ size: "auto", requestedModel: "nano-banana" });
  });

  it("compares a stored row with a replayed request by its parameters, not by the alias used", () => {
    const image = { kind: "image", model: "gemini-2.5-flash-image", prompt: "p", n: 1, size: "1024x1024", quality: "auto" } as const;
    const stored = storedParamsOf({ ...image, model: "nano-banana" }, "gemini-2.5-flash-image");
    expect(sameStoredParams(stored, image)).toBe(true);
    expect(sameStoredParams(stored, { ...image, n: 2 })).toBe(false);
    expect(sameStoredParams({ duration: 4, size: "16:9" }, { kind: "video", model: "veo", prompt: "p", duration: 8, size: "16:9" })).toBe(false);
  });
});
