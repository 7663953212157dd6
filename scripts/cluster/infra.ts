import { spawnSync } from "node:child_process";
import path from "node:path";
import { createConnection } from "node:net";
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate";
import { startCluster, freePort, type Cluster } from "../../tests/support/postgres-cluster";
import { missingDependency } from "../../tests/support/require-dependency";
import { startTestS3, type TestS3 } from "../../tests/support/s3";
import { startTestEmulator, type TestEmulator } from "../../tests/support/emulator";
import { spawnChild, type Child } from "./processes";

/**
 * What the studio instances share: one throwaway PostgreSQL (migrated), one s3rver bucket,
 * one redis-server (when installed; required under CI) and one emulator. PostgreSQL,
 * s3rver and the emulator are the same helpers the vitest suites use.
 */
export interface Infra {
  postgres: Cluster;
  db: pg.Pool;
  s3: TestS3;
  emulator: TestEmulator;
  redisUrl: string | null;
  stop(): Promise<void>;
}

async function waitForPort(port: number, timeoutMs: number, child: Child): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    if (!child.isRunning()) throw new Error(`${child.name} exited before listening on ${port}`);
    if (Date.now() > until) throw new Error(`${child.name} did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startRedis(logDir: string): Promise<{ url: string; child: Child } | null> {
  const installed = spawnSync("redis-server", ["--version"]).status === 0;
  if (missingDependency("redis-server", installed, "apt-get install redis-server")) return null;
  const port = await freePort();
  const child = spawnChild("redis-server", "redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    logFile: path.join(logDir, "redis.log"),
  });
  await waitForPort(port, 10_000, child);
  return { url: `redis://127.0.0.1:${port}`, child };
}

export async function startInfra({ logDir, emulatorTimeScale }: { logDir: string; emulatorTimeScale: number }): Promise<Infra> {
  const started: Array<() => Promise<void> | void> = [];
  const stopStarted = async () => {
    for (const stop of started.reverse()) await Promise.resolve(stop()).catch((e: unknown) => console.error("[cluster] stop failed:", e));
  };
  try {
    const postgres = await startCluster();
    started.push(() => postgres.stop());
    await migrateDatabase({ databaseUrl: postgres.url, dataDir: logDir });
    const db = new pg.Pool({ connectionString: postgres.url, max: 4 });
    started.push(() => db.end());
    const s3 = await startTestS3();
    started.push(() => s3.stop());
    const emulator = await startTestEmulator({ timeScale: emulatorTimeScale });
    started.push(() => emulator.close());
    const redis = await startRedis(logDir);
    if (redis) started.push(() => redis.child.stop("SIGTERM", 3000).then(() => undefined));
    return { postgres, db, s3, emulator, redisUrl: redis?.url ?? null, stop: stopStarted };
  } catch (error) {
    await stopStarted();
    throw error;
  }
}
