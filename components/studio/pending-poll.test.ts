import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { GenerationListView } from "@/lib/generations/view";
import { generation } from "@/tests/support/generation-view";
import { patchListData, pendingPollInterval, POLL_HIDDEN_MS, POLL_VISIBLE_MS, watchedIds, watchIds } from "./pending-poll";

describe("the pending poll's ids", () => {
  it("holds an id while any screen waits on it, sorted, and lets go when the last one does", () => {
    const card = watchIds(["g2", "g1"]);
    const detail = watchIds(["g1"]);
    expect(watchedIds()).toEqual(["g1", "g2"]);
    card();
    expect(watchedIds()).toEqual(["g1"]);
    detail();
    expect(watchedIds()).toEqual([]);
  });
});

describe("pendingPollInterval", () => {
  it("asks every second while visible, every ten seconds while hidden", () => {
    expect(pendingPollInterval(null, "visible")).toBe(POLL_VISIBLE_MS);
    expect(pendingPollInterval(null, "hidden")).toBe(POLL_HIDDEN_MS);
    expect(pendingPollInterval(new Error("network"), "visible")).toBe(POLL_VISIBLE_MS);
  });

  it("waits as long as a 429 says, and stops after a refusal asking again won't fix", () => {
    expect(pendingPollInterval(new AppError("rate_limit_error", "slow down", { retryAfter: 7 }), "visible")).toBe(7000);
    expect(pendingPollInterval(new AppError("authentication_error", "signed out"), "visible")).toBe(false);
  });
});

describe("patchListData", () => {
  const page = (ids: string[]): GenerationListView => ({ items: ids.map((id) => generation({ id, status: "running", progress: 10 })), nextCursor: null });

  it("swaps fresh items into every loaded page of the gallery, keeping untouched pages as they were", () => {
    const data = { pages: [page(["a", "b"]), page(["c"])], pageParams: [null, "x"] };
    const done = generation({ id: "b", status: "completed" });
    const patched = patchListData(data, new Map([["b", done]])) as typeof data;
    expect(patched.pages[0]?.items.map((g) => g.status)).toEqual(["running", "completed"]);
    expect(patched.pages[1]).toBe(data.pages[1]);
    expect(patched.pageParams).toBe(data.pageParams);
  });

  it("patches a single page too, and returns the same object when nothing on it changed", () => {
    const single = page(["a"]);
    expect((patchListData(single, new Map([["a", generation({ id: "a" })]])) as GenerationListView).items[0]?.status).toBe("completed");
    expect(patchListData(single, new Map([["z", generation({ id: "z" })]]))).toBe(single);
    expect(patchListData(undefined, new Map())).toBeUndefined();
  });
});
