/**
 * The databases `npm run bench` runs the studio on: the embedded PGlite (the default) and,
 * when PostgreSQL server binaries are on the machine, a throwaway PostgreSQL cluster (the
 * same one the tests start). `sql()` opens a plain connection for seeding; on PGlite only
 * while the server is not running (one process owns a PGlite data dir).
 */
import pg from "pg";
import { pgliteDir } from "../../lib/db/adapters";
import { createPGlite } from "../../lib/db/pglite-adapter";
import { startCluster } from "../../tests/support/postgres-cluster";
import type { SqlRunner } from "./seed-gallery";

export interface SqlConnection extends SqlRunner {
  close(): Promise<void>;
}

export interface BenchDatabase {
  name: "PGlite" | "PostgreSQL";
  databaseUrl?: string;
  /** A connection for seeding; `dataDir` is the studio's DATA_DIR (where PGlite lives). */
  sql(dataDir: string): Promise<SqlConnection>;
  stop(): Promise<void>;
}

export function pgliteDatabase(): BenchDatabase {
  return {
    name: "PGlite",
    sql: async (dataDir) => {
      const db = createPGlite({ dataDir: pgliteDir(dataDir) });
      await db.waitReady;
      return {
        $executeRawUnsafe: async (sql, ...values) => (await db.query(sql, values)).affectedRows ?? 0,
        $queryRawUnsafe: async <T,>(sql: string, ...values: unknown[]) => (await db.query(sql, values)).rows as T,
        close: () => db.close(),
      };
    },
    stop: async () => {},
  };
}

/** A PostgreSQL cluster, or null (with the reason) when the binaries are not installed. */
export async function postgresDatabase(): Promise<BenchDatabase | { skipped: string }> {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster();
  } catch (error) {
    return { skipped: error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error) };
  }
  return {
    name: "PostgreSQL",
    databaseUrl: cluster.url,
    sql: async () => {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      return {
        $executeRawUnsafe: async (sql, ...values) => (await client.query(sql, values)).rowCount ?? 0,
        $queryRawUnsafe: async <T,>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T,
        close: () => client.end(),
      };
    },
    stop: async () => cluster.stop(),
  };
}
