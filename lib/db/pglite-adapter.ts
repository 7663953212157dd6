import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/**
 * Every PGlite the studio opens (data dir, shadow database, tests, bench) loads the same
 * extensions, so a migration that creates one (pg_trgm for prompt search) runs anywhere.
 * PostgreSQL ships pg_trgm in its contrib package; PGlite bundles it and loads it here.
 */
export function createPGlite(options: PGliteOptions = {}): PGlite {
  return new PGlite({ ...options, dataDir: options.dataDir ?? (options.loadDataDir ? undefined : "memory://"), extensions: { ...options.extensions, pg_trgm } });
}

/**
 * pglite-prisma-adapter 0.7.2 with two fixes the migration path needs:
 *  - its `executeScript` starts `exec()` without awaiting it, so a failing migration
 *    script becomes an unhandled rejection and the schema engine records the migration
 *    as finished anyway. Here the script is awaited and errors are mapped like queries.
 *  - its shadow database (used by diffs against a migrations folder) is a fresh
 *    in-memory PGlite that is never closed. Here it is closed when the engine disposes it.
 * Queries, transactions and error mapping are the upstream adapter's own.
 */
export class SafePGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private readonly inner: PrismaPGlite;

  constructor(private readonly client: PGlite) {
    this.inner = new PrismaPGlite(client);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    // Start-up (data dir, extensions) finishes here, not inside the first transaction's
    // start-up allowance (Prisma's maxWait), which a busy machine would otherwise exceed.
    await this.client.waitReady;
    return withAwaitedScripts(await this.inner.connect(), this.client);
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return connectShadowPGlite();
  }
}

/** A fresh in-memory PGlite for the schema engine's shadow database, closed when it is disposed. */
export async function connectShadowPGlite(): Promise<SqlDriverAdapter> {
  const shadow = createPGlite();
  const adapter = withAwaitedScripts(await new PrismaPGlite(shadow).connect(), shadow);
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await shadow.close();
  };
  return adapter;
}

function withAwaitedScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      throw toDriverError(error);
    }
  };
  return adapter;
}

interface PgErrorFields {
  code?: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPgError(error: unknown): error is PgErrorFields {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

function toDriverError(error: unknown): unknown {
  if (!isPgError(error)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "XX000",
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}
