import { describe, expect, it } from "vitest";
import { neighbourOf } from "./focus-after-delete";

describe("neighbourOf (focus after a delete)", () => {
  const order = ["a", "b", "c", "d", "e"];

  it("is the next item still in the grid", () => {
    expect(neighbourOf(order, new Set(["b"]))).toBe("c");
    expect(neighbourOf(order, new Set(["b", "c"]))).toBe("d");
    // A bulk delete with gaps: the first survivor after the first deleted one.
    expect(neighbourOf(order, new Set(["b", "d"]))).toBe("c");
  });

  it("is the previous one when nothing follows", () => {
    expect(neighbourOf(order, new Set(["e"]))).toBe("d");
    expect(neighbourOf(order, new Set(["c", "d", "e"]))).toBe("b");
  });

  it("is none when nothing is left, or nothing of the grid was deleted", () => {
    expect(neighbourOf(order, new Set(order))).toBeNull();
    expect(neighbourOf(["a"], new Set(["a"]))).toBeNull();
    expect(neighbourOf(order, new Set(["z"]))).toBeNull();
  });
});
