import { describe, expect, it } from "vitest";
import { generation } from "@/tests/support/generation-view";
import { justFinished, knownGenerations, runningSummary } from "./running-summary";

describe("tab signals", () => {
  it("reads generations from detail queries and gallery pages, keeping the most advanced state", () => {
    const running = generation({ id: "a", status: "running", progress: 20 });
    const known = knownGenerations([
      running,
      { pages: [{ items: [generation({ id: "a", status: "running", progress: 40 }), generation({ id: "b", status: "queued", progress: 0 })], nextCursor: null }], pageParams: [null] },
      undefined,
      { models: [] },
    ]);
    expect([...known.keys()].sort()).toEqual(["a", "b"]);
    expect(known.get("a")?.progress).toBe(40);
  });

  it("sums up the count and mean progress (whole percents) while anything runs, and nothing otherwise", () => {
    expect(runningSummary([generation({ status: "running", progress: 42 })])).toEqual({ count: 1, progress: 0.42 });
    expect(runningSummary([generation({ id: "x", status: "running", progress: 50 }), generation({ id: "y", status: "queued", progress: 0 }), generation({ id: "z" })])).toEqual({
      count: 2,
      progress: 0.25,
    });
    expect(runningSummary([generation({ status: "running", progress: 33.4 }), generation({ id: "b", status: "running", progress: 140 })])).toEqual({ count: 2, progress: 0.67 });
    expect(runningSummary([generation()])).toBeNull();
  });

  it("reports a generation once, when it goes from running to done or failed", () => {
    const now = knownGenerations([generation({ id: "a" }), generation({ id: "b", status: "failed" }), generation({ id: "c" }), generation({ id: "d", status: "running" })]);
    const before = new Map([
      ["a", "running"],
      ["b", "queued"],
      ["c", "completed"],
      ["d", "running"],
    ] as const);
    expect(justFinished(before, now).map((g) => g.id)).toEqual(["a", "b"]);
    expect(justFinished(new Map(), now)).toEqual([]);
  });
});
