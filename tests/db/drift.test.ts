import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/migration-diff";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/schema-engine";
import { createMigration } from "../../scripts/new-migration";

// Each case replays every migration into a fresh shadow PGlite: seconds on a quiet machine,
// over 30 s when the two cores are busy. Not a timed test, so it gets room.
describe("schema drift", { timeout: 180_000 }, () => {
  it("prisma/schema.prisma matches the migrations (else: npm run db:new-migration -- <name>)", async () => {
    const sql = await diffMigrationsToSchema();
    expect(sql, `schema.prisma and prisma/migrations disagree. Missing SQL:\n${sql}`).toBe("");
  });

  it("notices a schema change that has no migration", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pixapi-drift-"));
    try {
      const schemaPath = path.join(dir, "schema.prisma");
      const schema = readFileSync(SCHEMA_PATH, "utf8").replace("model User {", "model User {\n  nickname String?");
      writeFileSync(schemaPath, schema);
      const sql = await diffMigrationsToSchema({ schemaPath });
      expect(sql).toMatch(/ALTER TABLE "users" ADD COLUMN\s+"nickname" TEXT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("db:new-migration writes nothing when there are no changes", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pixapi-newmig-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      expect(await createMigration({ name: "nothing", migrationsDir: dir })).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
