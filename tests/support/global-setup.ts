import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPGlite } from "../../lib/db/pglite-adapter";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrate";
import { openAdapter, openPGlite } from "../../lib/db/adapters";
import { adminQuery, databaseUrl } from "./postgres-admin";
import { startCluster, type Cluster } from "./postgres-cluster";
import { inCi } from "./require-dependency";

/**
 * Once per vitest run: a PostgreSQL server for the "postgres" half of forEachDatabase().
 *  - TEST_POSTGRES_URL set: use that server (any database on it; we create our own).
 *  - else: start a throwaway cluster (tests/support/postgres-cluster.ts).
 *  - SKIP_POSTGRES_TESTS=1: no server; the postgres suites are skipped, loudly.
 * A migrated template database is built here once, so each test file gets a fresh,
 * migrated database with a cheap CREATE DATABASE ... TEMPLATE. Likewise a migrated PGlite
 * data dir is dumped once: loading it takes ~1 s where initdb + migrate takes several.
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test server, or null when PostgreSQL tests are skipped. */
    postgresUrl: string | null;
    /** Name of the migrated template database on that server. */
    postgresTemplate: string | null;
    /** Path of a dumped, migrated PGlite data dir (tar). */
    pgliteSnapshot: string;
  }
}

async function buildPgliteSnapshot(dir: string): Promise<string> {
  const pglite = createPGlite();
  try {
    await applyMigrations({ adapter: openPGlite(pglite).factory });
    const file = path.join(dir, "pglite-migrated.tar");
    writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
    return file;
  } finally {
    await pglite.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const snapshotDir = mkdtempSync(path.join(os.tmpdir(), "pixapi-pglite-"));
  project.provide("pgliteSnapshot", await buildPgliteSnapshot(snapshotDir));
  const removeSnapshot = () => rmSync(snapshotDir, { recursive: true, force: true });
  if (process.env.SKIP_POSTGRES_TESTS === "1") {
    if (inCi()) throw new Error("[CI] SKIP_POSTGRES_TESTS=1 is not allowed in CI: CI must run every suite.");
    console.warn("[db tests] SKIP_POSTGRES_TESTS=1: PostgreSQL suites are skipped; only PGlite is tested.");
    project.provide("postgresUrl", null);
    project.provide("postgresTemplate", null);
    return async () => removeSnapshot();
  }
  let cluster: Cluster | undefined;
  const url = process.env.TEST_POSTGRES_URL || (cluster = await startCluster()).url;
  const template = `pixapi_template_${process.pid}`;
  try {
    await adminQuery(url, `DROP DATABASE IF EXISTS "${template}"`);
    await adminQuery(url, `CREATE DATABASE "${template}"`);
    const opened = openAdapter({ databaseUrl: databaseUrl(url, template), dataDir: "" });
    try {
      await applyMigrations({ adapter: opened.factory });
    } finally {
      await opened.close();
    }
  } catch (error) {
    cluster?.stop();
    removeSnapshot();
    throw error;
  }
  project.provide("postgresUrl", url);
  project.provide("postgresTemplate", template);
  return async () => {
    removeSnapshot();
    if (cluster) {
      cluster.stop();
    } else {
      await adminQuery(url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    }
  };
}
