import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The layers of components/: `ui` (primitives) imports only itself; `studio` (the shared
 * kit) imports ui; `shell` (the app frame) imports ui and studio; every other folder is a
 * feature (generate, edit, video, gallery, usage, admin, tokens, …) and imports ui, studio
 * and itself, never another feature. Type-only imports count too: a type shared by two
 * features belongs in the kit or in lib.
 */
const ALLOWED: Record<string, readonly string[]> = { ui: ["ui"], studio: ["ui", "studio"], shell: ["ui", "studio", "shell"] };
const FEATURE_ALLOWED = ["ui", "studio"] as const;

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm;

export interface LayerViolation {
  file: string;
  /** The imported module, from the root, without its extension. */
  target: string;
  reason: string;
}

export function componentFolders(root: string): string[] {
  const dir = join(root, "components");
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The components/ folder an import lands in (`@/components/x/…` or a relative path), or null. */
function targetOf(root: string, file: string, spec: string): string | null {
  const abs = spec.startsWith("@/") ? join(root, spec.slice(2)) : spec.startsWith(".") ? resolve(root, dirname(file), spec) : null;
  if (!abs) return null;
  const path = relative(root, abs);
  return path.startsWith("components/") ? path : null;
}

const allowedFor = (folder: string) => ALLOWED[folder] ?? [...FEATURE_ALLOWED, folder];

function describeAllowed(folder: string): string {
  const names = allowedFor(folder).map((f) => (f === folder ? "itself" : f));
  return `${folder} may import only ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`}`;
}

/** Every import under components/ that crosses the layers, sorted by file. */
export function crossFeatureImports(root: string): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const folder of componentFolders(root)) {
    const allowed = allowedFor(folder);
    for (const file of sourceFiles(root, join("components", folder))) {
      const source = readFileSync(join(root, file), "utf8");
      for (const [, spec] of source.matchAll(IMPORT)) {
        const target = spec ? targetOf(root, file, spec) : null;
        if (!target) continue;
        const into = target.split("/")[1] ?? "";
        if (!allowed.includes(into)) violations.push({ file, target, reason: describeAllowed(folder) });
      }
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file));
}
