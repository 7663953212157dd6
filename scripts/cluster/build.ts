import { copyFileSync, cpSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "../load/studio";
import { isBuildCurrent, sourceHash } from "../start/build-stamp";

/**
 * The build the instances run: the same content-hashed build `npm start` (and so Playwright)
 * makes, built here only when the sources changed since. Every build writes Next's
 * standalone output; it is then copied out of the checkout into `appDir` and laid out the
 * way the Dockerfile lays out the image (static assets beside it, scripts/serve.mjs as the
 * entry point), so a file the standalone tree lacks cannot be found in the checkout's
 * node_modules instead.
 */
export async function prepareStandaloneApp(root: string, appDir: string): Promise<{ built: boolean }> {
  const distDir = process.env.STUDIO_DIST_DIR || ".next";
  const standaloneRoot = path.join(root, distDir, "standalone");
  const built = !isBuildCurrent(root, sourceHash(root));
  await ensureBuild((line) => console.log(`[cluster] ${line}`));
  if (!existsSync(path.join(standaloneRoot, "server.js"))) throw new Error(`${standaloneRoot}/server.js missing: the build wrote no standalone output`);
  // Dockerfile: COPY .next/standalone ./ ; COPY .next/static ./.next/static ; COPY scripts/serve.mjs ./scripts/
  const staticDir = path.join(standaloneRoot, distDir, "static");
  cpSync(standaloneRoot, appDir, { recursive: true, verbatimSymlinks: true, filter: (src) => src !== staticDir });
  cpSync(path.join(root, distDir, "static"), path.join(appDir, distDir, "static"), { recursive: true });
  mkdirSync(path.join(appDir, "scripts"), { recursive: true });
  copyFileSync(path.join(root, "scripts", "serve.mjs"), path.join(appDir, "scripts", "serve.mjs"));
  return { built };
}
