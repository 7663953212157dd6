import { spawn } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { isBuildCurrent, sourceHash, writeBuildStamp } from "../start/build-stamp";

/**
 * The build the instances run: the same content-hashed build `npm start` (and so Playwright)
 * makes, built here only when the sources changed since. Every build writes Next's
 * standalone output; it is laid out the way the Dockerfile lays out the image: the static
 * assets beside it, and scripts/serve.mjs as the entry point.
 */
export async function ensureStandaloneBuild(root: string): Promise<{ standaloneRoot: string; built: boolean }> {
  const distDir = process.env.STUDIO_DIST_DIR || ".next";
  const standaloneRoot = path.join(root, distDir, "standalone");
  const hash = sourceHash(root);
  const current = isBuildCurrent(root, hash) && existsSync(path.join(standaloneRoot, "server.js"));
  if (!current) {
    console.log("[cluster] building the studio (sources changed since the last build)...");
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      });
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
    });
    writeBuildStamp(root, hash);
  }
  if (!existsSync(path.join(standaloneRoot, "server.js"))) throw new Error(`${standaloneRoot}/server.js missing: the build wrote no standalone output`);
  // As the Dockerfile does: COPY .next/static into the standalone tree, serve.mjs as the entry.
  const staticLink = path.join(standaloneRoot, distDir, "static");
  if (!existsSync(staticLink) && !isSymlink(staticLink)) symlinkSync(path.join(root, distDir, "static"), staticLink, "dir");
  mkdirSync(path.join(standaloneRoot, "scripts"), { recursive: true });
  copyFileSync(path.join(root, "scripts", "serve.mjs"), path.join(standaloneRoot, "scripts", "serve.mjs"));
  return { standaloneRoot, built: !current };
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
