import { afterEach, describe, expect, it, vi } from "vitest";
import { inCi, missingDependency } from "../support/require-dependency";

describe("missingDependency", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("runs the suite when the tool is there, in CI or not", () => {
    vi.stubEnv("CI", "true");
    expect(missingDependency("redis-server", true, "apt-get install redis-server")).toBe(false);
    vi.stubEnv("CI", "");
    expect(missingDependency("redis-server", true, "apt-get install redis-server")).toBe(false);
  });

  it("fails in CI when the tool is missing, naming it and how to install it", () => {
    vi.stubEnv("CI", "true");
    expect(() => missingDependency("redis-server", false, "apt-get install redis-server")).toThrow(
      /redis-server is not installed \(apt-get install redis-server\)/,
    );
  });

  it("skips outside CI with a loud line", () => {
    vi.stubEnv("CI", "false");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(missingDependency("python3 with requests", false, "apt-get install python3-requests")).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("SKIPPED: python3 with requests is not installed"));
  });

  it("reads CI the way CI services set it", () => {
    for (const [value, expected] of [["true", true], ["1", true], ["false", false], ["0", false], ["", false]] as const) {
      vi.stubEnv("CI", value);
      expect(inCi(), `CI=${value}`).toBe(expected);
    }
  });
});
