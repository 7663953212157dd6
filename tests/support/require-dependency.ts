/**
 * Suites that need a tool from the machine (redis-server, python3-requests, PostgreSQL…)
 * call this to decide whether to skip. Outside CI a missing tool skips the suite with a loud
 * line, so a quick local run still works; in CI (where .ci/run installs every tool) it
 * throws, so a missing tool fails the run instead of silently shrinking it.
 */
export function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/** Returns true when the suite should be skipped (tool missing, not in CI). */
export function missingDependency(tool: string, available: boolean, install: string): boolean {
  if (available) return false;
  const message = `${tool} is not installed (${install})`;
  if (inCi()) throw new Error(`[CI] ${message}: CI must run every suite.`);
  console.warn(`\n!!! SKIPPED: ${message}; the suites that need it did not run. !!!\n`);
  return true;
}
