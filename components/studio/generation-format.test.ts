import { describe, expect, it } from "vitest";
import { generation } from "@/tests/support/generation-view";
import { aspectOf, parameterRows, remixHref, thingName } from "./generation-format";

describe("generation format", () => {
  it("takes the shape from the media when there is one, else from the requested size", () => {
    const media = { id: "m", kind: "image", role: "output", mimeType: "image/png", width: 300, height: 200, durationMs: null, bytes: 1, url: "", thumbUrl: "", downloadUrl: "" } as const;
    expect(aspectOf(generation({ outputs: [media] }))).toEqual({ width: 300, height: 200 });
    expect(aspectOf(generation({ status: "running", params: { size: "1024x1536" } }))).toEqual({ width: 1024, height: 1536 });
    expect(aspectOf(generation({ kind: "video", params: { size: "9:16" } }))).toEqual({ width: 720, height: 1280 });
    expect(aspectOf(generation({ params: { size: "auto" } }))).toEqual({ width: 1024, height: 1024 });
  });

  it("names things and links Remix to the page that made them", () => {
    expect(thingName(generation({ kind: "video" }))).toBe("this video");
    expect(remixHref(generation({ kind: "video" }))).toBe("/video?remix=gen_1");
    expect(remixHref(generation({ kind: "edit" }))).toBe("/edit?remix=gen_1");
    expect(parameterRows(generation({ kind: "video", params: { size: "16:9", duration: 5 } })).map((r) => r.label)).toEqual(["Type", "Model", "Size", "Duration"]);
  });
});
