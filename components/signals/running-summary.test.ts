import { describe, expect, it } from "vitest";
import { generation } from "@/tests/support/generation-view";
import { justFinished, knownGenerations, runningTitle } from "./running-summary";

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

  it("titles the tab with the count and mean progress while anything runs, and nothing otherwise", () => {
    expect(runningTitle([generation({ status: "running", progress: 42 })])).toBe("(1) 42 % · Pixapi Studio");
    expect(runningTitle([generation({ id: "x", status: "running", progress: 50 }), generation({ id: "y", status: "queued", progress: 0 }), generation({ id: "z" })])).toBe(
      "(2) 25 % · Pixapi Studio",
    );
    expect(runningTitle([generation()])).toBeNull();
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
