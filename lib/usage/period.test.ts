import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { formatResetDate, periodAt } from "./period";

const at = (iso: string) => new Date(iso);

describe("budget periods (UTC)", () => {
  it("a month runs from the 1st 00:00 UTC to the next 1st, whatever the time zone of the instant", () => {
    expect(periodAt("month", at("2026-11-22T04:00:00Z"))).toEqual({ kind: "month", start: at("2026-11-01T00:00:00Z"), end: at("2026-12-01T00:00:00Z") });
    expect(periodAt("month", at("2026-12-31T23:59:59.999Z")).end).toEqual(at("2027-01-01T00:00:00Z"));
    // 00:30 on 1 March in UTC+2 is still February in UTC.
    expect(periodAt("month", at("2028-03-01T00:30:00+02:00")).start).toEqual(at("2028-02-01T00:00:00Z"));
  });

  it("a week starts on Monday; a day at midnight", () => {
    expect(periodAt("week", at("2026-11-22T12:00:00Z"))).toMatchObject({ start: at("2026-11-16T00:00:00Z"), end: at("2026-11-23T00:00:00Z") }); // a Sunday
    expect(periodAt("week", at("2026-11-23T00:00:00Z")).start).toEqual(at("2026-11-23T00:00:00Z")); // a Monday
    expect(periodAt("day", at("2026-11-22T23:59:00Z"))).toMatchObject({ start: at("2026-11-22T00:00:00Z"), end: at("2026-11-23T00:00:00Z") });
  });

  it("says the reset date in words", () => {
    expect(formatResetDate(at("2026-12-01T00:00:00Z"))).toBe("1 December 2026");
  });
});

describe("budget and limit settings", () => {
  it("defaults to 500 credits a calendar month, 10 submits and 1200 reads a minute, database counters", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DEFAULT_ALLOWANCE_CREDITS: 500, ALLOWANCE_PERIOD: "month", RATE_LIMIT_SUBMITS_PER_MINUTE: 10, RATE_LIMIT_READS_PER_MINUTE: 1200 });
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('takes "unlimited", 0 and fractions; refuses nonsense with a message that names the variable', () => {
    expect(parseEnv({ DEFAULT_ALLOWANCE_CREDITS: "unlimited" }).DEFAULT_ALLOWANCE_CREDITS).toBeNull();
    expect(parseEnv({ DEFAULT_ALLOWANCE_CREDITS: "0" }).DEFAULT_ALLOWANCE_CREDITS).toBe(0);
    expect(parseEnv({ DEFAULT_ALLOWANCE_CREDITS: "12.5" }).DEFAULT_ALLOWANCE_CREDITS).toBe(12.5);
    expect(() => parseEnv({ DEFAULT_ALLOWANCE_CREDITS: "lots" })).toThrow(/DEFAULT_ALLOWANCE_CREDITS/);
    expect(() => parseEnv({ ALLOWANCE_PERIOD: "year" })).toThrow(/ALLOWANCE_PERIOD/);
    expect(() => parseEnv({ REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(parseEnv({ REDIS_URL: "rediss://cache.internal:6380/0" }).REDIS_URL).toBe("rediss://cache.internal:6380/0");
  });
});
