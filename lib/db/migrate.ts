import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openAdapter, type DatabaseTarget } from "./adapters";
import { engineError, MIGRATIONS_DIR, NO_FILTER, openSchemaEngine, readMigrations, readSchema } from "./schema-engine";

/**
 * Applies pending migrations from prisma/migrations, recording them in
 * `_prisma_migrations` the way `prisma migrate deploy` does, so the CLI agrees later.
 * No "server-only" here: `npm start` and `npm run db:migrate` run it in plain Node
 * before the server opens the database (one process owns a PGlite data dir).
 */
export async function applyMigrations({
  adapter,
  migrationsDir = MIGRATIONS_DIR,
}: {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  migrationsDir?: string;
}): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  const engine = await openSchemaEngine(adapter, readSchema());
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  } catch (error) {
    throw engineError("Applying database migrations failed", error);
  } finally {
    engine.free();
  }
}

/** `npm start` / `npm run db:migrate`: migrate PostgreSQL (databaseUrl) or PGlite under dataDir. */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const opened = openAdapter(target);
  try {
    return await applyMigrations({ adapter: opened.factory });
  } finally {
    await opened.close();
  }
}
