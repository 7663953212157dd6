/**
 * `npm run db:migrate`: applies pending migrations to PostgreSQL (DATABASE_URL) or to the
 * embedded PGlite under DATA_DIR. Stop the studio first when using PGlite: one process
 * owns its data dir. `npm start` runs the same migrateDatabase() before the server.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/env";
import { migrateDatabase } from "../lib/db/migrate";
import { pgliteDir } from "../lib/db/adapters";

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  const env = parseEnv(process.env);
  const dataDir = path.resolve(root, env.DATA_DIR);
  console.log(env.DATABASE_URL ? "Migrating PostgreSQL (DATABASE_URL)..." : `Migrating PGlite at ${pgliteDir(dataDir)}...`);
  const applied = await migrateDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.` : "Database is up to date.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
