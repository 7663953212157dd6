import { describe, expect, it } from "vitest";
import { estimateCredits, parseSize, resolveModelId } from "./index";

describe("lib/catalog prices", () => {
  it("prices images by model × size tier × quality × n", () => {
    expect(estimateCredits({ kind: "image", model: "gemini-3-pro-image-preview" })).toBe(3);
    expect(estimateCredits({ kind: "image", model: "nano-banana", size: "1536x1024", quality: "low", n: 3 })).toBe(1.5);
    expect(estimateCredits({ kind: "image", model: "nano-banana-2", size: "2048x2048", quality: "high", n: 2 })).toBe(12);
    expect(estimateCredits({ kind: "image", model: "gpt-image-2", size: "4096x2048" })).toBe(8);
  });

  it("prices video by model × seconds × resolution, with per-model default durations", () => {
    // The docs' example task: sora-2, credits_cost 1.5.
    expect(estimateCredits({ kind: "video", model: "sora-2" })).toBe(1.5);
    expect(estimateCredits({ kind: "video", model: "veo", duration: 4, size: "9:16" })).toBe(2);
    expect(estimateCredits({ kind: "video", model: "wan", duration: 10, size: "1920x1080" })).toBe(3);
  });

  it("throws for unknown models, the wrong kind, or malformed sizes", () => {
    expect(() => estimateCredits({ kind: "image", model: "dall-e-3" })).toThrow(RangeError);
    expect(() => estimateCredits({ kind: "image", model: "veo" })).toThrow(/not an image model/);
    expect(() => estimateCredits({ kind: "video", model: "nano-banana" })).toThrow(/not a video model/);
    expect(() => estimateCredits({ kind: "image", model: "gpt-image-2", size: "huge" })).toThrow(/size/);
  });

  it("resolves aliases and parses sizes", () => {
    expect(resolveModelId("nano-banana-pro")).toBe("gemini-3-pro-image-preview");
    expect(resolveModelId("sora-2")).toBe("sora-2");
    expect(resolveModelId("nope")).toBeUndefined();
    expect(parseSize("auto", "image")).toEqual({ width: 1024, height: 1024 });
    expect(parseSize("16:9", "video")).toEqual({ width: 1280, height: 720 });
    expect(parseSize(undefined, "video")).toEqual({ width: 1280, height: 720 });
    expect(parseSize("16:9", "image")).toBeUndefined();
  });
});
