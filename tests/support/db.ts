import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createPGlite } from "@/lib/db/pglite-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openAdapter, openPGlite, type OpenedAdapter } from "@/lib/db/adapters";
import { registerEngine, setPrismaForTests } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { adminQuery, databaseUrl } from "./postgres-admin";

/**
 * The database harness every DB test uses:
 *
 *   forEachDatabase("users queries", (getDb) => {
 *     it("...", async () => { const { prisma } = getDb(); ... });
 *   });
 *
 * runs the suite twice: on PGlite in memory and on real PostgreSQL 15 (started once per
 * run by tests/support/global-setup.ts). PGlite serialises everything and hides races
 * real PostgreSQL shows, hence both. Each suite gets its own fresh, migrated database,
 * and while it runs getPrisma() returns that database's client, so route handlers and
 * lib code under test need no setup of their own. Data persists across the tests of one
 * suite: use unique emails/keys, or call truncateAll().
 */
export type DbKind = "pglite" | "postgres";

export interface TestDatabase {
  kind: DbKind;
  prisma: PrismaClient;
  /** The adapter factory behind `prisma`, e.g. to run migrations against it. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** postgres only: URL of this database, for extra clients (simulated instances). */
  url: string | null;
  /** Another PrismaClient on the same database (postgres: a separate pool; pglite: the same client). */
  openClient: () => PrismaClient;
  /** Empties every application table (keeps _prisma_migrations). */
  truncateAll: () => Promise<void>;
  close: () => Promise<void>;
}

export function postgresAvailable(): boolean {
  return inject("postgresUrl") !== null;
}

/** A fresh database. `migrated: false` gives an empty one (for migration tests). */
export async function createTestDatabase(kind: DbKind, { migrated = true } = {}): Promise<TestDatabase> {
  let opened: OpenedAdapter;
  let url: string | null = null;
  let drop = async () => {};
  if (kind === "pglite") {
    // Migrated: load the snapshot global-setup dumped (initdb + migrate once per run).
    const snapshot = migrated ? new Blob([readFileSync(inject("pgliteSnapshot"))]) : undefined;
    const pglite = createPGlite(snapshot ? { loadDataDir: snapshot } : {});
    // Loading the snapshot and pg_trgm takes a while on a busy machine: not on a test's clock.
    await pglite.waitReady;
    opened = openPGlite(pglite);
  } else {
    const server = inject("postgresUrl");
    const template = inject("postgresTemplate");
    if (!server || !template) throw new Error("PostgreSQL tests are disabled (SKIP_POSTGRES_TESTS=1)");
    const name = `pixapi_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(server, migrated ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
    url = databaseUrl(server, name);
    opened = openAdapter({ databaseUrl: url, dataDir: "" });
    drop = () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const prisma = new PrismaClient({ adapter: opened.factory });
  registerEngine(prisma, kind, opened.factory);
  const extra: { prisma: PrismaClient; close: () => Promise<void> }[] = [];
  return {
    kind,
    prisma,
    adapter: opened.factory,
    url,
    openClient: () => {
      if (!url) return prisma;
      const more = openAdapter({ databaseUrl: url, dataDir: "" });
      const client = new PrismaClient({ adapter: more.factory });
      registerEngine(client, "postgres", more.factory);
      extra.push({ prisma: client, close: more.close });
      return client;
    },
    truncateAll: () => truncateAll(prisma),
    close: async () => {
      for (const e of extra) {
        await e.prisma.$disconnect();
        await e.close();
      }
      await prisma.$disconnect();
      await opened.close();
      await drop();
    },
  };
}

async function truncateAll(prisma: PrismaClient): Promise<void> {
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.tablename}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE ${list} CASCADE`);
}

export function forEachDatabase(name: string, suite: (getDb: () => TestDatabase) => void): void {
  for (const kind of ["pglite", "postgres"] as const) {
    describe.skipIf(kind === "postgres" && !postgresAvailable())(`${name} [${kind}]`, () => {
      let db: TestDatabase | undefined;
      beforeAll(async () => {
        db = await createTestDatabase(kind);
        setPrismaForTests(db.prisma);
      });
      afterAll(async () => {
        setPrismaForTests(undefined);
        await db?.close();
      });
      suite(() => {
        if (!db) throw new Error("getDb() called outside a test (the database opens in beforeAll)");
        return db;
      });
    });
  }
}
