import { describe, expect, it } from "vitest";
import { formatBytes, formatClock, formatCount, formatCredits, formatDuration, formatSeconds, formatterFor, formatUtcDateTime, formatUtcDay, formatWait } from "./index";

describe("credit and wait wording", () => {
  it("pluralises and rounds like a person would", () => {
    expect(formatCredits(1)).toBe("1 credit");
    expect(formatCredits(2.5)).toBe("2.5 credits");
    expect(formatCredits(1500)).toBe("1,500 credits");
    expect(formatCredits(0.333333)).toBe("0.33 credits");
    expect(formatWait(1)).toBe("a second");
    expect(formatWait(42)).toBe("42 seconds");
    expect(formatWait(150)).toBe("about 3 minutes");
  });
});

describe("one convention for numbers, dates and durations", () => {
  it("groups thousands and sizes files", () => {
    expect(formatCount(4000)).toBe("4,000");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(43_000)).toBe("42 KB");
    expect(formatBytes(3_250_000)).toBe("3.1 MB");
  });

  it("writes UTC days in UTC whatever the viewer's zone", () => {
    expect(formatUtcDay("2026-03-05")).toBe("Mar 5");
    expect(formatUtcDay("2026-03-05T23:30:00.000Z", true)).toBe("Mar 5, 2026");
    expect(formatUtcDateTime("2026-03-05T14:03:59.000Z")).toBe("Mar 5, 2026, 14:03");
  });

  it("writes elapsed and requested times", () => {
    expect(formatSeconds(400)).toBe("0.4 s");
    expect(formatSeconds(12_300)).toBe("12 s");
    expect(formatSeconds(125_000)).toBe("2 min 5 s");
    expect(formatClock(8_000)).toBe("0:08");
    expect(formatDuration(5)).toBe("5 s");
  });
});

describe("the same formatters in Chinese", () => {
  const zh = formatterFor("zh-CN");
  it("writes credits, durations and waits the way a Chinese reader expects", () => {
    expect(zh.formatCredits(1500)).toBe("1,500 积分");
    expect(zh.formatCredits(1)).toBe("1 积分");
    expect(zh.formatSeconds(400)).toBe("0.4 秒");
    expect(zh.formatSeconds(125_000)).toBe("2 分 5 秒");
    expect(zh.formatDuration(5)).toBe("5 秒");
    expect(zh.formatWait(150)).toBe("约 3 分钟");
    expect(zh.formatClock(8_000)).toBe("0:08");
  });

  it("writes UTC days with Chinese month and day", () => {
    expect(zh.formatUtcDay("2026-03-05")).toBe("3月5日");
    expect(zh.formatUtcDay("2026-03-05", true)).toBe("2026年3月5日");
  });

  it("keeps English the default of the plain exports (server messages)", () => {
    expect(formatterFor("en").formatCredits(2.5)).toBe(formatCredits(2.5));
  });
});
