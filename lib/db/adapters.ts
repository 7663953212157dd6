import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createPGlite, SafePGliteAdapterFactory } from "./pglite-adapter";
import { startPGliteWorker } from "./pglite-worker-adapter";

/**
 * Picks the database: PostgreSQL when a URL is given, else the embedded PGlite under
 * DATA_DIR. Free of "server-only" on purpose: scripts/migrate.ts and `npm start` run it
 * in plain Node, where that marker package throws.
 */
export interface DatabaseTarget {
  /** postgres:// URL; unset means embedded PGlite. */
  databaseUrl?: string;
  /** DATA_DIR; PGlite lives in `${dataDir}/pglite`. */
  dataDir: string;
  /**
   * PGlite only: "worker" runs it in a worker thread (the server: lib/db/pglite-worker.mjs);
   * default "main", this thread (migrations, scripts and tests, which open it briefly).
   */
  pgliteThread?: "worker" | "main";
}

export interface OpenedAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases what the adapter cannot release itself (the PGlite instance). */
  close: () => Promise<void>;
  description: string;
}

export function pgliteDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), "pglite");
}

export function openAdapter({ databaseUrl, dataDir, pgliteThread = "main" }: DatabaseTarget): OpenedAdapter {
  if (databaseUrl) {
    // Our own pool, so close() ends every connection whatever the adapter or the schema
    // engine dispose (PrismaPg leaves an external pool open).
    const pool = new pg.Pool({ connectionString: databaseUrl });
    // An idle connection dropped by the server emits "error" on the pool; unhandled, that
    // would crash the process. The next query simply gets a fresh connection.
    pool.on("error", (error) => console.error("[db] idle PostgreSQL connection error:", error.message));
    return {
      factory: new PrismaPg(pool),
      close: () => pool.end(),
      description: "PostgreSQL (DATABASE_URL)",
    };
  }
  const dir = pgliteDir(dataDir);
  // PGlite creates its own directory but not missing parents.
  mkdirSync(path.dirname(dir), { recursive: true });
  if (pgliteThread === "worker") return { ...startPGliteWorker({ dataDir: dir }), description: `PGlite at ${dir} (worker thread)` };
  return openPGlite(createPGlite({ dataDir: dir }), `PGlite at ${dir}`);
}

/** Wraps an existing PGlite (tests pass `createPGlite()`, in memory). */
export function openPGlite(pglite: PGlite, description = "PGlite"): OpenedAdapter {
  return {
    factory: new SafePGliteAdapterFactory(pglite),
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
    description,
  };
}
