/**
 * `npm start`: one command from a fresh clone to a running studio.
 *   1. read .env (if any) and decide the mode: PIXAPI_KEY set → production upstream;
 *      unset → demo mode with the local emulator and generated secrets;
 *   2. build the Next app when its sources changed;
 *   3. apply database migrations (before the server opens the PGlite data dir: one owner);
 *   4. start the emulator (demo) and the Next server, wait for /api/health;
 *   5. Ctrl-C stops every process it started.
 * `--dev` runs `next dev` instead of build + start.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseEnv, EnvError } from "../lib/env";
import { migrateDatabase } from "../lib/db/migrate";
import { isBuildCurrent, sourceHash, writeBuildStamp } from "./start/build-stamp";
import { freePort, isPortFree, waitForUrl } from "./start/ports";
import { run, runToCompletion, stopAll } from "./start/processes";
import { loadOrCreateDemoSecrets } from "./start/secrets";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", ".bin", "tsx");

function log(message: string): void {
  console.log(`[studio] ${message}`);
}

async function main(): Promise<void> {
  if (!process.env.STUDIO_IGNORE_DOTENV && existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  const demo = !process.env.PIXAPI_KEY?.trim();
  const dataDir = path.resolve(root, process.env.DATA_DIR?.trim() || "./data");
  mkdirSync(dataDir, { recursive: true });

  // Telemetry would try to reach the internet on every build and start.
  // NEXT_MANUAL_SIG_HANDLE: the studio's own SIGTERM handler (lib/lifecycle/shutdown.ts)
  // drains requests, releases tracker leases and closes the database before exiting.
  const childEnv: NodeJS.ProcessEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "1",
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: dev ? "development" : "production",
  };
  if (demo) {
    const secrets = loadOrCreateDemoSecrets(dataDir);
    childEnv.NEXTAUTH_SECRET ||= secrets.NEXTAUTH_SECRET;
    childEnv.MEDIA_URL_SECRET ||= secrets.MEDIA_URL_SECRET;
  }
  const port = Number(childEnv.PORT || 3000);
  childEnv.PORT = String(port);
  childEnv.NEXTAUTH_URL ||= `http://localhost:${port}`;
  childEnv.PUBLIC_URL ||= childEnv.NEXTAUTH_URL;

  let emulatorPort: number | undefined;
  if (demo) {
    const requested = childEnv.EMULATOR_PORT ? Number(childEnv.EMULATOR_PORT) : 4010;
    emulatorPort = (await isPortFree(requested)) ? requested : childEnv.EMULATOR_PORT ? requested : await freePort();
    childEnv.EMULATOR_PORT = String(emulatorPort);
    childEnv.PIXAPI_BASE_URL = `http://127.0.0.1:${emulatorPort}`;
    childEnv.PIXAPI_KEY = "sk_demo_local";
    childEnv.PIXAPI_DEMO = "1";
  }

  // Validate the whole configuration up front, with the same schema the app uses.
  const env = parseEnv(childEnv);
  if (!(await isPortFree(port, "0.0.0.0"))) {
    throw new EnvError(`Port ${port} is already in use. Stop the other server or set PORT to a free port.`);
  }
  log(demo ? "Demo mode: no PIXAPI_KEY set, images and videos are rendered by the local emulator." : `Using Pixapi at ${env.PIXAPI_BASE_URL}.`);
  log(env.DATABASE_URL ? "Database: PostgreSQL (DATABASE_URL)." : `Database: embedded PGlite in ${path.join(dataDir, "pglite")}.`);

  if (!dev) {
    const hash = sourceHash(root);
    if (isBuildCurrent(root, hash)) {
      log("Build is up to date.");
    } else {
      log("Building the studio (first start or sources changed; about a minute)...");
      await runToCompletion(process.execPath, [nextBin, "build"], { name: "next build", cwd: root, env: { ...childEnv, NODE_ENV: "production" } });
      writeBuildStamp(root, hash);
    }
  }

  log("Applying database migrations...");
  const applied = await migrateDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.` : "Database is up to date.");

  let exiting = false;
  const shutdown = async (code: number) => {
    if (exiting) return;
    exiting = true;
    log("Stopping...");
    // The server gets its shutdown deadline plus a margin before it is killed.
    await stopAll(env.SHUTDOWN_TIMEOUT_MS + 5000);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (demo && emulatorPort) {
    const emu = run(tsxBin, [path.join(root, "emulator", "main.ts")], { name: "emulator", cwd: root, env: childEnv });
    emu.on("exit", (code) => {
      if (!exiting) {
        console.error(`[studio] The emulator stopped unexpectedly (exit ${code}).`);
        void shutdown(1);
      }
    });
    await waitForUrl(`http://127.0.0.1:${emulatorPort}/v1/models`, 30_000, () => emu.exitCode !== null);
  }

  // scripts/serve.mjs is `next start`/`next dev` plus the unforgeable client address (x-studio-peer).
  const server = run(process.execPath, [path.join(root, "scripts", "serve.mjs"), ...(dev ? ["--dev"] : [])], { name: "next", cwd: root, env: childEnv });
  server.on("exit", (code) => {
    if (!exiting) {
      console.error(`[studio] The Next server stopped unexpectedly (exit ${code}).`);
      void shutdown(1);
    }
  });
  await waitForUrl(`http://127.0.0.1:${port}/api/health`, 120_000, () => server.exitCode !== null);
  log(`Ready: open ${env.NEXTAUTH_URL ?? `http://localhost:${port}`}  (Ctrl-C to stop)`);
}

main().catch(async (error: unknown) => {
  console.error(`[studio] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
