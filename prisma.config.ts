import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// The Prisma CLI (generate, and `migrate deploy` for anyone with network access) reads
// this. Prisma 7 no longer loads .env by itself; do it here so the CLI sees DATABASE_URL.
if (existsSync(".env")) process.loadEnvFile(".env");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Optional: `prisma generate` needs no database. The app itself connects through
  // driver adapters (lib/db/client.ts), PGlite when DATABASE_URL is unset.
  datasource: { url: process.env.DATABASE_URL },
});
