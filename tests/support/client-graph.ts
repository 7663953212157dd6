import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The import graph seen from the browser: every "use client" file under the given folders,
 * and everything it imports, transitively (the `@/` alias and relative paths; type-only
 * imports are skipped, they never ship). For each module reached, what makes it unsafe: an
 * `import "server-only"`, a server package, or a lib/ module outside the browser-safe list.
 */
export interface Violation {
  module: string;
  reason: string;
  /** How a client file reaches it: client file first. */
  via: string[];
}

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm;
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

function filesUnder(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveLocal(root: string, from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(root, spec.slice(2)) : spec.startsWith(".") ? resolve(root, dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ["", ...EXTENSIONS]) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return null;
}

const matches = (name: string, pattern: string) => (pattern.endsWith("/*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern || name.startsWith(`${pattern}/`));

/** Every source file (not test) under `folders`. */
export function sourceFilesUnder(root: string, folders: string[]): string[] {
  return folders.flatMap((f) => filesUnder(root, f));
}

/** Every file under `folders` that starts with "use client". */
export function clientFilesUnder(root: string, folders: string[]): string[] {
  return sourceFilesUnder(root, folders).filter((f) => /^\s*["']use client["']/.test(readFileSync(join(root, f), "utf8")));
}

/** What is unsafe among `entries` (paths from `root`) and everything they import. */
export function clientViolations({
  root,
  entries: clientFiles,
  browserSafeLib,
  serverPackages,
}: {
  root: string;
  entries: string[];
  browserSafeLib: readonly string[];
  serverPackages: readonly string[];
}): { reached: string[]; violations: Violation[] } {
  const seen = new Map<string, string[]>();
  const violations: Violation[] = [];
  const queue = clientFiles.map((f) => ({ file: f, via: [f] }));
  for (const f of clientFiles) seen.set(f, [f]);

  while (queue.length) {
    const { file, via } = queue.shift()!;
    const source = readFileSync(join(root, file), "utf8");
    if (/^\s*import\s+["']server-only["']/m.test(source)) violations.push({ module: file, reason: 'imports "server-only"', via });
    for (const [, spec] of source.matchAll(IMPORT)) {
      if (!spec) continue;
      if (serverPackages.some((p) => matches(spec, p))) {
        violations.push({ module: file, reason: `imports the server package "${spec}"`, via });
        continue;
      }
      const target = resolveLocal(root, file, spec);
      if (!target) continue;
      const lib = /^lib\/(.+?)(?:\/index)?\.(?:ts|tsx|mjs|js)$/.exec(target)?.[1];
      if (lib && !browserSafeLib.some((m) => lib === m || lib.startsWith(`${m}/`))) {
        violations.push({ module: target, reason: "is not in the browser-safe list of lib/ modules", via: [...via, target] });
        continue;
      }
      if (!seen.has(target)) {
        seen.set(target, [...via, target]);
        queue.push({ file: target, via: [...via, target] });
      }
    }
  }
  return { reached: [...seen.keys()], violations };
}
