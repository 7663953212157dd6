import { describe, expect, it } from "vitest";
import { EMPTY_SELECTION, extend, selectAll, toggle, without } from "./selection";

const order = ["a", "b", "c", "d", "e"];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe("gallery selection", () => {
  it("toggles one item and moves the anchor to it", () => {
    const one = toggle(EMPTY_SELECTION, "b");
    expect(ids(one)).toEqual(["b"]);
    expect(one.anchor).toBe("b");
    const none = toggle(one, "b");
    expect(ids(none)).toEqual([]);
    expect(none.anchor).toBe("b");
  });

  it("extends from the anchor to the item, in either direction, keeping what was selected", () => {
    const start = toggle(toggle(EMPTY_SELECTION, "e"), "b");
    expect(ids(extend(start, "d", order))).toEqual(["b", "c", "d", "e"]);
    const back = toggle(EMPTY_SELECTION, "d");
    expect(ids(extend(back, "b", order))).toEqual(["b", "c", "d"]);
    // Shift again from the same anchor grows or shrinks the new range only by adding.
    expect(extend(back, "b", order).anchor).toBe("d");
  });

  it("extends without an anchor (or with one no longer listed) as a toggle", () => {
    expect(ids(extend(EMPTY_SELECTION, "c", order))).toEqual(["c"]);
    expect(ids(extend({ ids: new Set(["x"]), anchor: "x" }, "c", order))).toEqual(["c", "x"]);
  });

  it("selects all matching and drops ids that are gone", () => {
    const all = selectAll(toggle(EMPTY_SELECTION, "a"), ["a", "b", "z"]);
    expect(ids(all)).toEqual(["a", "b", "z"]);
    expect(all.anchor).toBe("a");
    const left = without(all, new Set(["a", "z"]));
    expect(ids(left)).toEqual(["b"]);
    expect(left.anchor).toBeNull();
    expect(without(left, new Set(["q"]))).toBe(left);
  });
});
