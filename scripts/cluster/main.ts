/**
 * `npm run test:cluster`: two studio instances in production mode (the standalone build,
 * served by scripts/serve.mjs as in the Docker image) on one throwaway PostgreSQL, one
 * s3rver bucket, one redis-server and the emulator, with the same secrets; then named
 * checks that they behave as one system. Prints `N passed, M failed`; exits 1 on any
 * failure. Every process it started is stopped, whatever happens.
 *
 *   CLUSTER_PORT=3300 npm run test:cluster   # instances on 3301 and 3302 (default: free ports)
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareStandaloneApp } from "./build";
import { Checks } from "./checks";
import { StudioClient } from "./client";
import type { ClusterContext } from "./context";
import { startInfra, type Infra } from "./infra";
import { startInstance } from "./instance";
import { killAllNow, stopAll } from "./processes";
import { failoverChecks } from "./scenarios-failover";
import { sharedStateChecks } from "./scenarios-shared";
import { freePort } from "../../tests/support/postgres-cluster";

const root = path.resolve(import.meta.dirname, "..", "..");
const POLL_MS = 500;
const LEASE_MS = 3000;
const PIXAPI_KEY = "sk_cluster_test";
let running: Infra | undefined;

function instanceEnv(infra: Infra, publicUrl: string): NodeJS.ProcessEnv {
  const secret = (label: string) => `${label}-${randomBytes(32).toString("base64url")}`;
  const shared = { NEXTAUTH_SECRET: secret("auth"), MEDIA_URL_SECRET: secret("media") };
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "1",
    ...shared,
    NEXTAUTH_URL: publicUrl,
    PUBLIC_URL: publicUrl,
    DATABASE_URL: infra.postgres.url,
    ...(infra.redisUrl ? { REDIS_URL: infra.redisUrl } : {}),
    ...infra.s3.env("media"),
    PIXAPI_BASE_URL: infra.emulator.url,
    PIXAPI_KEY,
    TRACKER_POLL_MS: String(POLL_MS),
    TRACKER_LEASE_MS: String(LEASE_MS),
    SHUTDOWN_TIMEOUT_MS: "3000",
    RATE_LIMIT_SIGNUPS_PER_HOUR: "3",
    RATE_LIMIT_SUBMITS_PER_MINUTE: "100",
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const logDir = mkdtempSync(path.join(os.tmpdir(), "pixapi-cluster-"));
  const checks = new Checks();
  try {
    const standaloneRoot = path.join(logDir, "app");
    const { built } = await prepareStandaloneApp(root, standaloneRoot);
    console.log(`[cluster] ${built ? "built" : "reusing the current build"}; its standalone output copied to ${standaloneRoot}`);
    const infra = await startInfra({ logDir, emulatorTimeScale: 1 });
    running = infra;
    const base = process.env.CLUSTER_PORT ? Number(process.env.CLUSTER_PORT) : undefined;
    const ports = base ? [base + 1, base + 2] : [await freePort(), await freePort()];
    // One environment for both (the public URL is instance 1's, as a load balancer's
    // would be); each its own data dir, which nothing shared may end up in.
    const common = instanceEnv(infra, `http://127.0.0.1:${ports[0]}`);
    const sharedInfra = infra;
    const launch = (n: number, extra: Record<string, string> = {}) => {
      const dataDir = path.join(logDir, `data-${n}`);
      mkdirSync(dataDir, { recursive: true });
      return startInstance({ name: `instance-${n}`, port: ports[n - 1]!, standaloneRoot, env: { ...common, DATA_DIR: dataDir, ...extra }, logDir });
    };
    const t0 = Date.now();
    const [a, b] = await Promise.all([launch(1), launch(2)]);
    console.log(`[cluster] infra ${t0 - started} ms; instances up in ${Date.now() - t0} ms on ${a.url} and ${b.url} (redis: ${infra.redisUrl ? "yes" : "no"})`);
    const ctx: ClusterContext = {
      infra: sharedInfra,
      a,
      b,
      restartA: async (extra) => {
        ctx.a = await launch(1, extra);
        return ctx.a;
      },
      client: new StudioClient(),
      other: new StudioClient(),
      email: "cluster@cluster.test",
      pixapiKey: PIXAPI_KEY,
      startBalance: (await sharedInfra.emulator.control.getBalance(PIXAPI_KEY)).balance,
      pollMs: POLL_MS,
      leaseMs: LEASE_MS,
      spread: [],
    };
    await sharedStateChecks(checks, ctx);
    await failoverChecks(checks, ctx);
  } catch (error) {
    checks.skipBecause("cluster set-up", error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await stopAll(5000);
    await running?.stop();
    running = undefined;
  }
  const failed = checks.failed;
  console.log(`\n${checks.passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  rmSync(path.join(logDir, "app"), { recursive: true, force: true });
  if (failed) console.log(`[cluster] instance logs kept in ${logDir}`);
  else rmSync(logDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

// Every wait in the checks is bounded; this is the backstop if something still hangs.
setTimeout(() => {
  console.error("[cluster] still running after 10 minutes: stopping everything it started");
  killAllNow();
  running?.postgres.stop();
  process.exit(1);
}, 10 * 60_000).unref();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`[cluster] ${signal}: stopping everything it started`);
    killAllNow();
    // PostgreSQL runs detached under pg_ctl: stop it synchronously before leaving.
    running?.postgres.stop();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    killAllNow();
    running?.postgres.stop();
    process.exit(1);
  },
);
