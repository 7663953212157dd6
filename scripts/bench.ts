/**
 * `npm run bench`: the studio's speed targets, measured on the studio as users meet it.
 * It builds and starts the studio as `npm start` does (production mode, emulator upstream)
 * on PGlite and, when PostgreSQL binaries are present, on PostgreSQL, seeds each database
 * in SQL, drives it, and prints one table in which every figure stands beside its baseline
 * from the same run. Exits non-zero when a target is missed. Not part of `npm test`.
 *
 *   npm run bench                 the real run (1 000 000 gallery rows; ~7-10 minutes on 2 cores)
 *   npm run bench -- --quick      fewer rows and rounds, for development
 *   npm run bench -- --profile    PGlite only: --cpu-prof on the Next server under the
 *                                 32-user read load, and a summary of where the time went
 *   npm run bench -- --profile=submit   the same under the 32-user async submit load
 *   (--postgres with either: the same on PostgreSQL)
 *   npm run bench -- --pglite     skip PostgreSQL (--postgres: skip PGlite)
 *   BENCH_PORT=3400 npm run bench  the studio on 3400, its emulator on 3401 (default: free ports)
 *   BENCH_SERVER_NODE_ARGS="--max-semi-space-size=32" npm run bench   Node flags for the Next
 *                                 server (to compare runtime settings in otherwise equal runs)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { httpClient } from "./load/driver";
import { ensureBuild, repoRoot, startStudio } from "./load/studio";
import { freePort, isPortFree } from "./start/ports";
import { FULL, QUICK, type BenchSize, type StudioUnderTest } from "./bench/context";
import { pgliteDatabase, postgresDatabase, type BenchDatabase } from "./bench/databases";
import { firstLoadJs } from "./bench/first-load-js";
import { measureGallery } from "./bench/gallery";
import { measurePolls } from "./bench/polls";
import { summarizeProfile } from "./bench/profile-summary";
import { measureLoad, measureReadsOnly } from "./bench/reads";
import { measureSubmitsOnly, settleSubmits } from "./bench/submits";
import { GALLERY_USER, seedBench } from "./bench/seed";
import { loadUserId } from "./bench/seed-users";
import { sessionCookie } from "./bench/sessions";
import { formatTable, kb, type Row } from "./bench/table";
import { measureThumbnails } from "./bench/thumbnails";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const profile = args.has("--profile") ? "reads" : args.has("--profile=submit") ? "submit" : null;
const size: BenchSize = quick ? QUICK : FULL;
const FIRST_LOAD_MAX_RATIO = 1.15;

function log(line: string): void {
  console.error(`[bench] ${line}`);
}

/** Studio settings for every run: limits raised (their counting still runs) so one bench user can make thousands of requests. */
const STUDIO_ENV = {
  RATE_LIMIT_READS_PER_MINUTE: "1000000",
  RATE_LIMIT_SUBMITS_PER_MINUTE: "100000",
  // A budget as every user has one by default (checked in the submit's write), big enough
  // that no bench user reaches it: "unlimited" would skip the check and flatter the submit.
  DEFAULT_ALLOWANCE_CREDITS: "1000000",
  // Simulated upstream durations at a quarter: an 8 s veo video takes ~10 s instead of ~38 s.
  EMULATOR_TIME_SCALE: "0.25",
  // The studio's default unless the shell sets it (to compare run-queue sizes).
  ...(process.env.GENERATION_RUNS_AT_ONCE ? { GENERATION_RUNS_AT_ONCE: process.env.GENERATION_RUNS_AT_ONCE } : {}),
};

/**
 * The studio's and the emulator's ports: BENCH_PORT and BENCH_PORT+1 when set (so engineers
 * sharing a machine each keep to their own block), else any two free ports.
 */
async function benchPorts(): Promise<{ port: number; emulatorPort: number }> {
  const base = Number(process.env.BENCH_PORT);
  if (!process.env.BENCH_PORT) return { port: await freePort(), emulatorPort: await freePort() };
  if (!Number.isInteger(base) || base < 1024 || base > 65534) throw new Error(`BENCH_PORT must be a port number (1024-65534), got ${process.env.BENCH_PORT}`);
  for (const p of [base, base + 1]) if (!(await isPortFree(p))) throw new Error(`BENCH_PORT: port ${p} is in use`);
  return { port: base, emulatorPort: base + 1 };
}

async function withStudio<T>(db: BenchDatabase, runDir: string, extra: { serverNodeArgs?: string[] }, body: (t: StudioUnderTest) => Promise<T>): Promise<T> {
  const dataDir = path.join(runDir, "data");
  const logDir = path.join(runDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const { migrateDatabase } = await import("../lib/db/migrate");
  await migrateDatabase({ databaseUrl: db.databaseUrl, dataDir });
  const seedStart = performance.now();
  const sql = await db.sql(dataDir);
  let deepCursor: string;
  try {
    ({ deepCursor } = await seedBench(sql, size));
  } finally {
    await sql.close();
  }
  log(`${db.name}: seeded ${size.galleryRows.toLocaleString("en")} gallery rows and ${size.users} users in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
  const studio = await startStudio({
    ...(await benchPorts()),
    dataDir,
    databaseUrl: db.databaseUrl,
    logDir,
    env: STUDIO_ENV,
    migrated: true,
    serverNodeArgs: extra.serverNodeArgs,
  });
  const api = httpClient(studio.url);
  const emulator = httpClient(studio.emulatorUrl);
  try {
    const cookies = await Promise.all(Array.from({ length: size.users }, (_, i) => sessionCookie(loadUserId(i + 1), studio.secrets.NEXTAUTH_SECRET)));
    const galleryCookie = await sessionCookie(GALLERY_USER, studio.secrets.NEXTAUTH_SECRET);
    return await body({ on: db.name, studio, api, emulator, cookies, galleryCookie, deepCursor, size });
  } finally {
    api.close();
    emulator.close();
    await studio.stop();
  }
}

/** BENCH_SERVER_NODE_ARGS: Node flags for the Next server (e.g. to compare GC settings), split on spaces. */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
}

async function benchDatabase(db: BenchDatabase): Promise<Row[]> {
  const runDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-"));
  let ok = false;
  try {
    const rows = await withStudio(db, runDir, { serverNodeArgs: serverNodeArgs() }, async (t) => {
      log(`${db.name}: ${size.users} users reading and submitting`);
      const rows = await measureLoad(t);
      await settleSubmits(t);
      log(`${db.name}: video polls with 1 and 5 tabs`);
      rows.push(...(await measurePolls(t, quick ? { model: "wan", duration: 2 } : { model: "veo", duration: 8 })));
      log(`${db.name}: thumbnails`);
      rows.push(...(await measureThumbnails(t)));
      log(`${db.name}: gallery queries`);
      rows.push(...(await measureGallery(t)));
      return rows;
    });
    ok = true;
    return rows;
  } finally {
    await db.stop();
    if (ok) rmSync(runDir, { recursive: true, force: true });
    else log(`${db.name}: server and emulator logs kept in ${path.join(runDir, "logs")}`);
  }
}

function firstLoadRows(): Row[] {
  return firstLoadJs(path.join(repoRoot, process.env.STUDIO_DIST_DIR || ".next")).map((p) => {
    const ratio = p.bytes / p.emptyPageBytes;
    return {
      on: "build",
      what: `first-load JS ${p.page} (gzip)`,
      figure: kb(p.bytes),
      baseline: `empty page, same layouts ${kb(p.emptyPageBytes)}`,
      ratio,
      target: `≤ ${FIRST_LOAD_MAX_RATIO} ×`,
      ok: ratio <= FIRST_LOAD_MAX_RATIO,
    };
  });
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`;
}

async function runProfile(): Promise<void> {
  const runDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-prof-"));
  const profDir = path.join(runDir, "profile");
  try {
    let db: BenchDatabase = pgliteDatabase();
    if (args.has("--postgres")) {
      const pg = await postgresDatabase();
      if ("skipped" in pg) throw new Error(`PostgreSQL: ${pg.skipped}`);
      db = pg;
    }
    try {
      await withStudio(db, runDir, { serverNodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profDir}`] }, async (t) => {
        if (profile === "submit") {
          log(`profiling on ${db.name}: async submits at 32 users`);
          console.log(formatTable(await measureSubmitsOnly(t, size.submitRounds * 3)));
        } else {
          log(`profiling on ${db.name}: status and list reads at 32 users`);
          console.log(formatTable(await measureReadsOnly(t, size.rounds * 3)));
        }
      });
    } finally {
      await db.stop();
    }
    // One profile per thread (CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile): thread 0
    // is the server's main thread; the others are workers (the PGlite thread, sharp's are native).
    const files = readdirSync(profDir)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => ({ f, thread: Number(f.split(".")[4] ?? 0) }))
      .sort((a, b) => a.thread - b.thread);
    if (files.length === 0) throw new Error(`no .cpuprofile written in ${profDir}`);
    const pct = (s: number) => `${(s * 100).toFixed(1)} %`;
    for (const { f, thread } of files) {
      const summary = summarizeProfile(path.join(profDir, f), 25);
      const which = thread === 0 ? "the Next server's main thread" : `worker thread ${thread} of the Next server`;
      console.log(`\nCPU profile of ${which}: ${(summary.totalMs / 1000).toFixed(1)} s recorded (start-up included)\n\nself time by package:`);
      for (const p of summary.packages) console.log(`  ${pct(p.share).padStart(7)}  ${p.name}`);
      console.log("\nself time by function:");
      for (const fn of summary.functions) console.log(`  ${pct(fn.share).padStart(7)}  ${fn.name}`);
      const keep = path.join(os.tmpdir(), `studio-bench${thread === 0 ? "" : `-thread-${thread}`}.cpuprofile`);
      copyFileSync(path.join(profDir, f), keep);
      console.log(`\nprofile kept in ${keep} (open it in Chrome DevTools > Performance)`);
    }
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await ensureBuild(log);
  if (profile) return runProfile();
  const rows: Row[] = [];
  if (!args.has("--postgres")) rows.push(...(await benchDatabase(pgliteDatabase())));
  if (!args.has("--pglite")) {
    const pg = await postgresDatabase();
    if ("skipped" in pg) log(`PostgreSQL skipped: ${pg.skipped}`);
    else rows.push(...(await benchDatabase(pg)));
  }
  rows.push(...firstLoadRows());
  console.log(`\n${formatTable(rows)}\n\n${quick ? "QUICK run (--quick): fewer rows and rounds; " : ""}${new Date().toISOString()}, ${machine()}`);
  const missed = rows.filter((r) => r.ok === false);
  if (missed.length) {
    console.log(`\n${missed.length} target(s) missed.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
