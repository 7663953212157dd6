import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm ci` installs exactly what package-lock.json lists. A lock regenerated on one machine
 * can silently drop other platforms' optional native binaries, and then `npm ci` fails on a
 * Mac or Windows clone. These checks read the lock as npm would.
 */
interface LockedPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
interface Lock {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
}
interface PackageJson {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const root = path.resolve(import.meta.dirname, "../..");
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as Lock;
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as PackageJson;
// semver is in the lock already (through sharp); its types are not, hence the narrow signature.
const semver = createRequire(import.meta.url)("semver") as {
  satisfies: (version: string, range: string) => boolean;
  minVersion: (range: string) => { version: string } | null;
};

/** Node's lookup: the nearest node_modules/<name> walking up from the requiring package. */
function resolveInLock(from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return null;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut < 0 ? "" : dir.slice(0, cut);
  }
}

function lockedNames(prefix: string): string[] {
  return Object.keys(lock.packages)
    .filter((key) => key.startsWith(`node_modules/${prefix}`))
    .map((key) => key.slice("node_modules/".length));
}

describe("package-lock.json", () => {
  it("is a v3 lock whose root matches package.json exactly", () => {
    expect(lock.lockfileVersion).toBe(3);
    const locked = lock.packages[""] as LockedPackage & { devDependencies?: Record<string, string> };
    expect(locked.dependencies).toEqual(pkg.dependencies);
    expect(locked.devDependencies).toEqual(pkg.devDependencies);
    expect(locked.engines?.node).toBe(pkg.engines.node);
  });

  it("locks every optional dependency any locked package declares (other platforms' binaries)", () => {
    const missing: string[] = [];
    let declared = 0;
    for (const [key, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        declared += 1;
        if (!resolveInLock(key, name)) missing.push(`${key || "(root)"} → ${name}`);
      }
    }
    expect(declared).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  // The families whose loss broke `npm ci` before; named so a regression reads plainly.
  it.each([
    ["@next/swc-", ["darwin-arm64", "darwin-x64", "linux-x64-gnu", "linux-arm64-gnu", "linux-x64-musl", "win32-x64-msvc", "win32-arm64-msvc"]],
    ["@tailwindcss/oxide-", ["darwin-arm64", "darwin-x64", "linux-x64-gnu", "linux-arm64-gnu", "linux-x64-musl", "win32-x64-msvc", "win32-arm64-msvc"]],
    ["@unrs/resolver-binding-", ["darwin-arm64", "darwin-x64", "linux-x64-gnu", "linux-arm64-gnu", "linux-x64-musl", "win32-x64-msvc", "win32-arm64-msvc"]],
    ["@img/sharp-", ["darwin-arm64", "darwin-x64", "linux-x64", "linux-arm64", "linuxmusl-x64", "win32-x64", "win32-arm64"]],
    ["lightningcss-", ["darwin-arm64", "darwin-x64", "linux-x64-gnu", "linux-arm64-gnu", "linux-x64-musl", "win32-x64-msvc", "win32-arm64-msvc"]],
  ])("keeps %s binaries for macOS, Linux and Windows", (prefix, platforms) => {
    const present = lockedNames(prefix).map((name) => name.slice(prefix.length));
    expect(present).toEqual(expect.arrayContaining(platforms));
    for (const platform of platforms) {
      const entry = lock.packages[`node_modules/${prefix}${platform}`];
      expect(entry?.optional, `${prefix}${platform}`).toBe(true);
      expect(entry?.version, `${prefix}${platform}`).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it("runs on the oldest Node package.json allows: every locked package accepts it", () => {
    const oldest = semver.minVersion(pkg.engines.node)?.version;
    expect(oldest).toBe("20.19.0");
    // Two packages declare Node 22, and nothing the studio runs loads them: @axe-core/playwright
    // (a test tool; it works on Node 20.20 here) and @prisma/streams-local (only `prisma dev`,
    // which needs Node 22 and which the studio does not use). npm warns EBADENGINE and installs.
    const declaredNewer = new Set(["node_modules/@axe-core/playwright", "node_modules/@prisma/streams-local"]);
    const refusing = Object.entries(lock.packages)
      .filter(([key, entry]) => entry.engines?.node && !declaredNewer.has(key))
      .filter(([, entry]) => !semver.satisfies(oldest ?? "", entry.engines?.node ?? "*"))
      .map(([key, entry]) => `${key} (${entry.engines?.node})`);
    expect(refusing).toEqual([]);
    for (const key of declaredNewer) expect(lock.packages[key], key).toBeDefined();
  });
});
