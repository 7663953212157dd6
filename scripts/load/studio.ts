/**
 * Starts the studio the way `npm start` does (the same build check, migrations, emulator
 * process and scripts/serve.mjs in production mode), on a database the caller chose, for
 * scripts that measure or drive it. Unlike `npm start` it reads no .env and inherits no
 * studio settings from the shell: every setting comes from the caller, so two runs compare.
 * Child output goes to log files in `logDir` (printed when start-up fails).
 */
import { randomBytes } from "node:crypto";
import { openSync, readFileSync, closeSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { migrateDatabase } from "../../lib/db/migrate";
import { isBuildCurrent, sourceHash, writeBuildStamp } from "../start/build-stamp";
import { waitForUrl } from "../start/ports";
import { run, runToCompletion, stopProcesses } from "../start/processes";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const nextBin = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(repoRoot, "node_modules", ".bin", "tsx");

/** What a child may inherit from the shell: enough to run, nothing that configures the studio. */
function baseEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
}

/** Builds the production bundle when the sources changed since the last build (as `npm start`). */
export async function ensureBuild(log: (line: string) => void): Promise<void> {
  const hash = sourceHash(repoRoot);
  if (isBuildCurrent(repoRoot, hash)) return;
  log("building the studio (sources changed since the last build)...");
  await runToCompletion(process.execPath, [nextBin, "build"], {
    name: "next build",
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...baseEnv(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeBuildStamp(repoRoot, hash);
}

export interface StudioOptions {
  port: number;
  emulatorPort: number;
  /** DATA_DIR (media files; PGlite too when no databaseUrl). */
  dataDir: string;
  databaseUrl?: string;
  /** Where the server's and the emulator's output go. */
  logDir: string;
  /** Studio and emulator settings (limits, tracker interval, EMULATOR_TIME_SCALE, ...). */
  env?: Record<string, string>;
  /** Node flags for the Next server process, e.g. ["--cpu-prof", "--cpu-prof-dir=..."]. */
  serverNodeArgs?: string[];
  /** Skip migrations (the caller already applied them, e.g. before seeding). */
  migrated?: boolean;
  /** Use the emulator already listening on emulatorPort (a studio restart keeps its upstream tasks alive). */
  externalEmulator?: boolean;
  /** The secrets of an earlier start, so sessions and signed media URLs survive a restart. */
  secrets?: RunningStudio["secrets"];
}

export interface RunningStudio {
  url: string;
  emulatorUrl: string;
  /** The Next server's process (scripts/serve.mjs serves in-process: this is the Next process). */
  serverPid: number;
  /** Secrets the studio runs with, so a caller can mint session cookies. */
  secrets: { NEXTAUTH_SECRET: string; MEDIA_URL_SECRET: string };
  /** SIGTERM (the studio's graceful shutdown), then SIGKILL after a grace period. */
  stop: () => Promise<void>;
  /** The same for the Next server alone, leaving the emulator running. */
  stopServer: () => Promise<void>;
}

function logTail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "";
  }
}

export async function startStudio(options: StudioOptions): Promise<RunningStudio> {
  const secrets = options.secrets ?? { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), MEDIA_URL_SECRET: randomBytes(32).toString("base64url") };
  const url = `http://127.0.0.1:${options.port}`;
  const emulatorUrl = `http://127.0.0.1:${options.emulatorPort}`;
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "1",
    NODE_ENV: "production",
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    NEXTAUTH_URL: url,
    PUBLIC_URL: url,
    EMULATOR_PORT: String(options.emulatorPort),
    PIXAPI_BASE_URL: emulatorUrl,
    PIXAPI_KEY: "sk_demo_local",
    PIXAPI_DEMO: "1",
    ...secrets,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  if (!options.migrated) await migrateDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });

  const started: ChildProcess[] = [];
  const stop = () => stopProcesses(started, 20_000);
  const output = (name: string) => openSync(path.join(options.logDir, `${name}.log`), "a");
  try {
    if (!options.externalEmulator) {
      const emuOut = output("emulator");
      const emu = run(tsxBin, [path.join(repoRoot, "emulator", "main.ts")], { name: "emulator", cwd: repoRoot, env, stdio: ["ignore", emuOut, emuOut] });
      closeSync(emuOut);
      started.push(emu);
      await waitForUrl(`${emulatorUrl}/healthz`, 30_000, () => emu.exitCode !== null);
    }

    const serverOut = output("server");
    const server = run(process.execPath, [...(options.serverNodeArgs ?? []), path.join(repoRoot, "scripts", "serve.mjs")], {
      name: "next",
      cwd: repoRoot,
      env,
      stdio: ["ignore", serverOut, serverOut],
    });
    closeSync(serverOut);
    started.push(server);
    await waitForUrl(`${url}/api/health`, 120_000, () => server.exitCode !== null).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server log ---\n${logTail(path.join(options.logDir, "server.log"))}`);
    });
    return { url, emulatorUrl, serverPid: server.pid as number, secrets, stop, stopServer: () => stopProcesses([server], 20_000) };
  } catch (error) {
    await stop();
    throw error;
  }
}
