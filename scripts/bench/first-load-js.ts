/**
 * First-load JS of every page, gzip, read from the production build's manifests: the
 * framework's root chunks plus every chunk the page's layouts and the page itself load.
 * The baseline for a page is the same sum without the page's own entry: what an empty page
 * under the same layouts (and so the same providers) would ship.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  page: string;
  bytes: number;
  emptyPageBytes: number;
}

interface ClientManifest {
  entryJSFiles?: Record<string, string[]>;
}

function findManifests(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) findManifests(full, out);
    else if (name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/** The manifest file assigns `globalThis.__RSC_MANIFEST[page] = {...}`: evaluate it on its own. */
function readClientManifest(file: string): Record<string, ClientManifest> {
  const sandbox: { __RSC_MANIFEST: Record<string, ClientManifest> } = { __RSC_MANIFEST: {} };
  new Function("globalThis", "self", readFileSync(file, "utf8"))(sandbox, sandbox);
  return sandbox.__RSC_MANIFEST;
}

export function firstLoadJs(distDir: string): PageWeight[] {
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizes = new Map<string, number>();
  const gz = (chunk: string) => {
    let n = sizes.get(chunk);
    if (n === undefined) sizes.set(chunk, (n = gzipSync(readFileSync(path.join(distDir, chunk))).length));
    return n;
  };
  const total = (chunks: Set<string>) => [...chunks].reduce((sum, c) => sum + gz(c), 0);
  const pages: PageWeight[] = [];
  for (const file of findManifests(path.join(distDir, "server", "app"), [])) {
    for (const [page, manifest] of Object.entries(readClientManifest(file))) {
      if (page.startsWith("/_")) continue; // Next's own not-found and global-error pages
      const all = new Set(build.rootMainFiles);
      const layouts = new Set(build.rootMainFiles);
      for (const [entry, chunks] of Object.entries(manifest.entryJSFiles ?? {})) {
        for (const c of chunks) all.add(c);
        if (!entry.endsWith("/page")) for (const c of chunks) layouts.add(c);
      }
      // "/(studio)/gallery/page" is served at /gallery.
      pages.push({ page: page.replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/", bytes: total(all), emptyPageBytes: total(layouts) });
    }
  }
  return pages.sort((a, b) => a.page.localeCompare(b.page));
}
