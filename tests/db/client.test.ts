import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closePrisma, getPrisma, setPrismaForTests } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase } from "../support/db";

const holder = globalThis as { __pixapiStudioDb?: { client?: unknown } };

describe("getPrisma", () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  afterEach(async () => {
    await closePrisma();
    setPrismaForTests(undefined);
    process.env.DATA_DIR = saved.DATA_DIR;
    process.env.DATABASE_URL = saved.DATABASE_URL;
    resetEnvCache();
  });

  it("creates nothing at import time (next build imports route modules)", () => {
    expect(holder.__pixapiStudioDb?.client).toBeUndefined();
  });

  // Migrating a fresh PGlite takes seconds, and over 30 s on a loaded 2-core machine.
  it("opens the migrated PGlite under DATA_DIR lazily, once per process", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pixapi-client-"));
    try {
      const dataDir = path.join(dir, "data");
      await migrateDatabase({ dataDir });
      process.env.DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
      resetEnvCache();
      const prisma = getPrisma();
      expect(getPrisma()).toBe(prisma);
      expect(await prisma.user.count()).toBe(0);
      await closePrisma();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("returns the injected test client while one is set", async () => {
    const db = await createTestDatabase("pglite");
    try {
      setPrismaForTests(db.prisma);
      expect(getPrisma()).toBe(db.prisma);
      setPrismaForTests(undefined);
      expect(holder.__pixapiStudioDb?.client).toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
