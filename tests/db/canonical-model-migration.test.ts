import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODEL_ALIASES } from "@/lib/catalog";
import { applyMigrations } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "../support/db";

const MIGRATION = "20261130105500_canonical_model_ids";

/** A migrations folder holding only what came before the data migration. */
function migrationsBefore(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pixapi-migrations-before-"));
  for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name < name) cpSync(path.join(MIGRATIONS_DIR, entry.name), path.join(dir, entry.name), { recursive: true });
  }
  return dir;
}

for (const kind of ["pglite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && !postgresAvailable())(`canonical model id migration [${kind}]`, () => {
    let db: TestDatabase;
    let before: string;
    beforeAll(async () => {
      db = await createTestDatabase(kind, { migrated: false });
      before = migrationsBefore(MIGRATION);
    });
    afterAll(async () => {
      rmSync(before, { recursive: true, force: true });
      await db?.close();
    });

    it("rewrites every stored alias to its canonical id and leaves other ids alone", async () => {
      await applyMigrations({ adapter: db.adapter, migrationsDir: before });
      // Raw SQL: the tables as they stood before this migration (later migrations may add
      // columns the generated client would ask for).
      const userId = `alias-user-${kind}`;
      await db.prisma.$executeRaw`INSERT INTO "users" ("id", "email", "updated_at") VALUES (${userId}, ${`alias-${kind}@example.com`}, now())`;
      const stored = [...Object.keys(MODEL_ALIASES), "gpt-image-2", "some-future-model"];
      for (const [i, model] of stored.entries()) {
        const id = `gen-${i}`;
        await db.prisma.$executeRaw`INSERT INTO "generations" ("id", "user_id", "kind", "mode", "model", "prompt", "estimated_milli", "updated_at")
          VALUES (${id}, ${userId}, 'image', 'sync', ${model}, 'p', 1000, now())`;
        await db.prisma.$executeRaw`INSERT INTO "usage_entries" ("id", "user_id", "generation_id", "model", "kind", "amount_milli")
          VALUES (${`entry-${i}`}, ${userId}, ${id}, ${model}, 'image', 1000)`;
      }

      expect(await applyMigrations({ adapter: db.adapter })).toContain(MIGRATION);

      const expected = stored.map((m) => MODEL_ALIASES[m] ?? m);
      const generations = await db.prisma.$queryRaw<{ model: string; requested: string | null }[]>`
        SELECT "model", "params"->>'requestedModel' AS "requested" FROM "generations" ORDER BY "id"`;
      expect(generations.map((g) => g.model)).toEqual(expected);
      // The name each was asked for stays in its params, only where it was an alias.
      expect(generations.map((g) => g.requested)).toEqual(stored.map((m) => (MODEL_ALIASES[m] ? m : null)));
      const entries = await db.prisma.$queryRaw<{ model: string }[]>`SELECT "model" FROM "usage_entries" ORDER BY "generation_id"`;
      expect(entries.map((e) => e.model)).toEqual(expected);
    }, 120_000); // two schema-engine runs; the WASM engine is slow on a busy machine
  });
}
