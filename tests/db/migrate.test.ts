import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, migrateDatabase } from "@/lib/db/migrate";
import { MIGRATIONS_DIR, PINNED_SCHEMA_ENGINE_VERSION, ROOT } from "@/lib/db/schema-engine";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "../support/db";

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

describe("schema engine pin", () => {
  // The engine is an internal Prisma API; an unnoticed upgrade could change its contract.
  it("package.json and node_modules carry the pinned @prisma/schema-engine-wasm", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies["@prisma/schema-engine-wasm"]).toBe(PINNED_SCHEMA_ENGINE_VERSION);
    const installed = JSON.parse(
      readFileSync(path.join(ROOT, "node_modules", "@prisma", "schema-engine-wasm", "package.json"), "utf8"),
    ) as { version: string };
    expect(installed.version).toBe(PINNED_SCHEMA_ENGINE_VERSION);
  });
});

for (const kind of ["pglite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && !postgresAvailable())(`migrations [${kind}]`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(kind, { migrated: false });
    });
    afterAll(() => db?.close());

    it("applies every migration and records it in _prisma_migrations as Prisma does", async () => {
      expect(await applyMigrations({ adapter: db.adapter })).toEqual(migrationNames);
      const rows = await db.prisma.$queryRaw<MigrationRow[]>`
        SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
        FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
      for (const row of rows) {
        // `prisma migrate deploy` compares this checksum to decide a migration was edited.
        expect(row.checksum).toBe(sha256(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql")));
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
      // The schema is really there and usable through the client.
      expect(await db.prisma.user.count()).toBe(0);
    });

    it("is a no-op when run again", async () => {
      expect(await applyMigrations({ adapter: db.adapter })).toEqual([]);
      const rows = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`;
      expect(rows[0]?.n).toBe(migrationNames.length);
    });

    it("stops at a failing migration, records it as failed and refuses to continue", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "pixapi-migrations-"));
      try {
        cpSync(MIGRATIONS_DIR, dir, { recursive: true });
        mkdirSync(path.join(dir, "29990101000000_broken"));
        writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), 'ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n');
        await expect(applyMigrations({ adapter: db.adapter, migrationsDir: dir })).rejects.toThrow(/no_such_table/);
        const rows = await db.prisma.$queryRaw<MigrationRow[]>`
          SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
          FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`;
        expect(rows).toHaveLength(1);
        expect(rows[0]?.finished_at).toBeNull();
        expect(rows[0]?.logs).toMatch(/no_such_table/);
        // Like `migrate deploy` (P3009): a failed migration blocks further runs until resolved.
        await expect(applyMigrations({ adapter: db.adapter, migrationsDir: dir })).rejects.toThrow(/failed/i);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe("migrateDatabase (npm start, npm run db:migrate)", () => {
  it("migrates an on-disk PGlite under DATA_DIR, then finds it up to date", async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "pixapi-data-")), "nested", "data");
    try {
      expect(await migrateDatabase({ dataDir })).toEqual(migrationNames);
      expect(await migrateDatabase({ dataDir })).toEqual([]);
    } finally {
      rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
    }
  });

  it.skipIf(!postgresAvailable())("migrates PostgreSQL through DATABASE_URL", async () => {
    const db = await createTestDatabase("postgres", { migrated: false });
    try {
      expect(await migrateDatabase({ databaseUrl: db.url ?? undefined, dataDir: "" })).toEqual(migrationNames);
      expect(await migrateDatabase({ databaseUrl: db.url ?? undefined, dataDir: "" })).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
