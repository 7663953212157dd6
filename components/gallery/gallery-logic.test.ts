import { describe, expect, it } from "vitest";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { filtersFrom, hasFilters, listQuery, withParams } from "./gallery-filters";
import { aspectOf, parameterRows, remixHref, thingName } from "./generation-format";
import { galleryPollInterval, POLL_HIDDEN_MS, POLL_VISIBLE_MS } from "./use-gallery";

function generation(over: Partial<GenerationView> = {}): GenerationView {
  return {
    id: "gen_1",
    kind: "image",
    status: "completed",
    progress: 100,
    model: "gemini-2.5-flash-image",
    prompt: "A fox",
    params: { n: 1, size: "1024x1024", quality: "low" },
    mode: "sync",
    credits: { estimated: 0.5, cost: 0.5 },
    error: null,
    outputs: [],
    inputs: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    startedAt: "2026-01-01T00:00:00.000Z",
    completedAt: "2026-01-01T00:00:02.000Z",
    ...over,
  };
}

const pages = (...lists: GenerationView[][]) => ({ pages: lists.map((items): GenerationListView => ({ items, nextCursor: null })), pageParams: lists.map(() => null) });

describe("galleryPollInterval", () => {
  it("does not poll a gallery where nothing is pending", () => {
    expect(galleryPollInterval(undefined, "visible")).toBe(false);
    expect(galleryPollInterval(pages([generation()], [generation({ status: "failed" })]), "visible")).toBe(false);
  });

  it("polls while anything on any loaded page is pending, slower when hidden", () => {
    const data = pages([generation()], [generation({ id: "gen_2", status: "running", progress: 40 })]);
    expect(galleryPollInterval(data, "visible")).toBe(POLL_VISIBLE_MS);
    expect(galleryPollInterval(data, "hidden")).toBe(POLL_HIDDEN_MS);
    expect(galleryPollInterval(pages([generation({ status: "queued" })]), "visible")).toBe(POLL_VISIBLE_MS);
  });
});

describe("gallery filters in the URL", () => {
  it("keeps known values and drops the rest", () => {
    const params = new URLSearchParams({ kind: "video", status: "bogus", model: " wan ", q: "  fox ", open: "gen_1" });
    expect(filtersFrom(params)).toEqual({ kind: "video", model: "wan", q: "fox" });
    expect(hasFilters(filtersFrom(new URLSearchParams("kind=nope")))).toBe(false);
  });

  it("builds the list query and edits the page URL without losing other parameters", () => {
    expect(listQuery({ kind: "edit", q: "a b" }, "CUR", 24)).toBe("limit=24&kind=edit&q=a+b&cursor=CUR");
    expect(withParams("?kind=video&open=g1", "/gallery", { open: null })).toBe("/gallery?kind=video");
    expect(withParams("?open=g1", "/gallery", { open: "" })).toBe("/gallery");
    expect(withParams("", "/gallery", { q: "fox" })).toBe("/gallery?q=fox");
  });
});

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
