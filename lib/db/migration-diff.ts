import { openPGlite } from "./adapters";
import { createPGlite } from "./pglite-adapter";
import { engineError, MIGRATIONS_DIR, NO_FILTER, openSchemaEngine, readMigrations, readSchema, SCHEMA_PATH } from "./schema-engine";

/**
 * SQL that takes a database built by replaying prisma/migrations to the state described
 * by schema.prisma. Empty string: they agree. The replay happens in the engine's shadow
 * database, an in-memory PGlite, so no server or network is needed.
 * Used by `npm run db:new-migration` and the drift test.
 */
export async function diffMigrationsToSchema({
  migrationsDir = MIGRATIONS_DIR,
  schemaPath = SCHEMA_PATH,
}: { migrationsDir?: string; schemaPath?: string } = {}): Promise<string> {
  const schema = readSchema(schemaPath);
  const migrationsList = await readMigrations(migrationsDir);
  const main = openPGlite(createPGlite());
  const engine = await openSchemaEngine(main.factory, schema);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    // exitCode 2 means "non-empty diff"; 0 means empty (stdout then holds a comment only).
    return result.exitCode === 2 ? (result.stdout ?? "").trim() : "";
  } catch (error) {
    throw engineError("Diffing migrations against schema.prisma failed", error);
  } finally {
    engine.free();
    await main.close();
  }
}
