import { describe, expect, it } from "vitest";
import { generation } from "@/tests/support/generation-view";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { filtersFrom, hasFilters, listQuery, withParams } from "./gallery-filters";
import { galleryPendingIds } from "./use-gallery";

const pages = (...lists: GenerationView[][]) => ({ pages: lists.map((items): GenerationListView => ({ items, nextCursor: null })), pageParams: lists.map(() => null) });

describe("galleryPendingIds", () => {
  it("asks about nothing when nothing on the loaded pages is pending", () => {
    expect(galleryPendingIds(undefined)).toEqual([]);
    expect(galleryPendingIds(pages([generation()], [generation({ status: "failed" })]))).toEqual([]);
  });

  it("names the queued and running items on every loaded page, and only those", () => {
    const data = pages([generation(), generation({ id: "gen_q", status: "queued" })], [generation({ id: "gen_r", status: "running", progress: 40 })]);
    expect(galleryPendingIds(data)).toEqual(["gen_q", "gen_r"]);
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

  it("reads favorites and a collection from the URL, dropping malformed ids", () => {
    expect(filtersFrom(new URLSearchParams("favorite=1&collection=abc123"))).toEqual({ favorite: true, collection: "abc123" });
    expect(filtersFrom(new URLSearchParams("favorite=yes&collection=../x"))).toEqual({});
    expect(hasFilters({ favorite: true })).toBe(true);
    expect(listQuery({ favorite: true, collection: "c1" }, null, 24)).toBe("limit=24&collection=c1&favorite=1");
  });
});
