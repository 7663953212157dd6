import { describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/generations/view";
import { closestAspect, DEFAULT_VIDEO_VALUES, estimateVideo, validateVideoForm, videoValuesFrom } from "./video-form-state";

describe("video form", () => {
  it("validates with the server's schema", () => {
    expect(validateVideoForm({ ...DEFAULT_VIDEO_VALUES, prompt: "  " }, "wan").errors.prompt).toBe("Describe what you want to see.");
    expect(validateVideoForm({ ...DEFAULT_VIDEO_VALUES, prompt: "Boats", duration: 25 }, "wan").errors.duration).toBe("Videos are at most 20 seconds.");
    expect(validateVideoForm({ ...DEFAULT_VIDEO_VALUES, prompt: "Boats" }, "wan").data).toEqual({ kind: "video", model: "wan", prompt: "Boats", duration: 5, size: "16:9" });
  });

  it("prices with the shared table, and not at all for a model it doesn't know", () => {
    expect(estimateVideo({ ...DEFAULT_VIDEO_VALUES, duration: 11 }, "veo")).toBe(5.5);
    expect(estimateVideo(DEFAULT_VIDEO_VALUES, "")).toBeNull();
    expect(estimateVideo(DEFAULT_VIDEO_VALUES, "future-video-model")).toBeNull();
  });

  it("remixes either spelling of a size to the same shape", () => {
    const base = { model: "veo", prompt: "Rain", params: { duration: 8, size: "720x1280" } } as unknown as GenerationView;
    expect(videoValuesFrom(base)).toEqual({ model: "veo", prompt: "Rain", duration: 8, aspect: "9:16" });
    expect(videoValuesFrom({ ...base, params: { size: "weird", duration: 99 } }).aspect).toBe("16:9");
    expect(videoValuesFrom({ ...base, params: { duration: 99 } }).duration).toBe(20);
  });

  it("picks the shape closest to a start image", () => {
    expect(closestAspect(1920, 1080)).toBe("16:9");
    expect(closestAspect(1024, 1536)).toBe("9:16");
    expect(closestAspect(500, 480)).toBe("1:1");
  });
});
