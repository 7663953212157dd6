import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` builds only when the sources changed since the last build. We hash file
 * contents (not mtimes: a fresh clone has new mtimes on unchanged files) of everything that
 * goes into the Next build.
 */
const INPUTS = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated", "data"]);
const distDir = () => process.env.STUDIO_DIST_DIR || ".next";

function collect(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (!existsSync(full)) return;
  const st = statSync(full);
  if (st.isFile()) {
    if (!rel.endsWith(".test.ts")) out.push(rel);
    return;
  }
  for (const name of readdirSync(full).sort()) {
    if (SKIP.has(name)) continue;
    collect(root, path.join(rel, name), out);
  }
}

export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) collect(root, input, files);
  const hash = createHash("sha256");
  for (const f of files) {
    hash.update(f);
    hash.update("\0");
    hash.update(readFileSync(path.join(root, f)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, distDir(), "studio-build-stamp");

export function isBuildCurrent(root: string, hash: string): boolean {
  if (!existsSync(path.join(root, distDir(), "BUILD_ID"))) return false;
  try {
    return readFileSync(stampFile(root), "utf8").trim() === hash;
  } catch {
    return false;
  }
}

export function writeBuildStamp(root: string, hash: string): void {
  writeFileSync(stampFile(root), hash + "\n");
}
