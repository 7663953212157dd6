import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/**
 * Prisma's schema engine compiled to WASM, driven in-process through a driver adapter.
 * The Prisma CLI cannot run migrations here (it downloads a native engine first), so this
 * applies and diffs migrations itself, writing `_prisma_migrations` exactly as the CLI
 * does. INTERNAL API: @prisma/schema-engine-wasm is pinned in package.json and
 * tests/db/migrate.test.ts covers it; re-check both when Prisma is upgraded.
 */
export const PINNED_SCHEMA_ENGINE_VERSION = "8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let loaded = false;

/**
 * The package's entry imports the .wasm file as an ES module, which Node 20 only allows
 * behind a flag; instantiate it by hand against the JS glue module instead.
 */
function loadWasm(): void {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": withUnrefTimers(bg) });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

/**
 * The engine arms ~10 s timers (query timeouts) that it never clears, which kept every
 * migrate run alive for 10 s after its work was done. Unref them: pending database I/O
 * still keeps the process alive while the engine waits on it.
 */
function withUnrefTimers(glue: typeof bg): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof fn !== "function") continue;
    imports[name] = (...args: unknown[]) => {
      const timer: unknown = (fn as (...a: unknown[]) => unknown)(...args);
      if (typeof timer === "object" && timer !== null && "unref" in timer && typeof timer.unref === "function") timer.unref();
      return timer;
    };
  }
  return imports;
}

export function schemaEngineVersion(): string {
  loadWasm();
  return bg.version();
}

export interface SchemaFile {
  path: string;
  content: string;
}

export function readSchema(schemaPath = SCHEMA_PATH): SchemaFile {
  return { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
}

/** Opens an engine on `factory` (its shadow DB is used by diffs and createMigration). */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile = readSchema(),
): Promise<SchemaEngine> {
  loadWasm();
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(`[schema-engine] ${message}`);
  };
  return bg.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

/** Reads the migrations folder the way the Prisma CLI does (sorted by folder name). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockfileContent = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  folders.sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    folders.map(async (name) => {
      const content = await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Engine errors arrive as plain objects or strings; make them readable Errors. */
export function engineError(context: string, error: unknown): Error {
  if (error instanceof Error) return new Error(`${context}: ${error.message}`, { cause: error });
  if (typeof error === "object" && error !== null && "message" in error) {
    return new Error(`${context}: ${String((error as { message: unknown }).message)}`, { cause: error });
  }
  return new Error(`${context}: ${typeof error === "string" ? error : JSON.stringify(error)}`, { cause: error });
}
