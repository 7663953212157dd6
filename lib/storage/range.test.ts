import { describe, expect, it } from "vitest";

import { parseRangeHeader, resolveRange } from "./range";

describe("parseRangeHeader", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100 }],
    ["bytes=-500", { suffix: 500 }],
    ["Bytes = 5 - 9", { start: 5, end: 9 }],
  ])("parses %s", (header, expected) => {
    expect(parseRangeHeader(header)).toEqual(expected);
  });

  it.each([
    [null],
    [""],
    ["bytes=-"],
    ["items=0-1"],
    ["bytes=0-1,5-9"],
    ["bytes=9-5"],
    ["bytes=abc"],
    ["bytes=99999999999999999999-"],
  ])("ignores %s", (header) => {
    expect(parseRangeHeader(header)).toBeNull();
  });
});

describe("resolveRange", () => {
  it("covers the whole object without a range", () => {
    expect(resolveRange(undefined, 10)).toEqual({ start: 0, end: 9 });
    expect(resolveRange(undefined, 0)).toEqual({ start: 0, end: -1 });
  });

  it("clamps an end past the object", () => {
    expect(resolveRange({ start: 4, end: 1000 }, 10)).toEqual({ start: 4, end: 9 });
    expect(resolveRange({ start: 4 }, 10)).toEqual({ start: 4, end: 9 });
  });

  it("resolves suffixes, longer ones to the whole object", () => {
    expect(resolveRange({ suffix: 3 }, 10)).toEqual({ start: 7, end: 9 });
    expect(resolveRange({ suffix: 30 }, 10)).toEqual({ start: 0, end: 9 });
  });

  it("throws 416 when the range cannot be satisfied", () => {
    for (const range of [{ start: 10 }, { start: 50, end: 60 }, { suffix: 0 }]) {
      expect(() => resolveRange(range, 10)).toThrow(expect.objectContaining({ status: 416 }));
    }
    expect(() => resolveRange({ suffix: 5 }, 0)).toThrow(expect.objectContaining({ status: 416 }));
  });
});
