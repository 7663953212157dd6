/**
 * `npm run soak`: many people using the studio at once while the upstream misbehaves and
 * the studio restarts, then an audit of the books. Builds and starts the studio as
 * `npm start` does (production build), on PGlite and, when PostgreSQL binaries are present,
 * on PostgreSQL. Prints requests, studio 5xx, lost tasks, holds left held, double
 * settlements and peak RSS, and exits non-zero when a target (0 / 0 / 0 / 0) is missed.
 * Not part of `npm test`.
 *
 *   npm run soak                100 users for 60 s (plus sign-ups before and a drain after)
 *   npm run soak -- --quick     8 users for 15 s, for development
 *   npm run soak -- --pglite    skip PostgreSQL (--postgres: skip PGlite)
 *   npm run soak -- --keep      keep the run dirs (data, server and emulator logs)
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pgliteDatabase, postgresDatabase, type BenchDatabase } from "./bench/databases";
import { ensureBuild } from "./load/studio";
import { FULL, QUICK } from "./soak/plan";
import { formatReport, missedTargets } from "./soak/report";
import { soakOnce, type SoakResult } from "./soak/run";

const args = new Set(process.argv.slice(2));
const plan = args.has("--quick") ? QUICK : FULL;
const log = (line: string) => console.error(`[soak] ${line}`);

async function main(): Promise<number> {
  await ensureBuild(log);
  const databases: BenchDatabase[] = args.has("--postgres") ? [] : [pgliteDatabase()];
  if (!args.has("--pglite")) {
    const pg = await postgresDatabase();
    if ("skipped" in pg) log(`PostgreSQL skipped: ${pg.skipped}`);
    else databases.push(pg);
  }
  const results: SoakResult[] = [];
  try {
    for (const db of databases) {
      const runDir = mkdtempSync(path.join(os.tmpdir(), "studio-soak-"));
      log(`${db.name}: run dir ${runDir}${args.has("--keep") ? " (kept)" : ""}`);
      try {
        results.push(await soakOnce(db, plan, runDir, (line) => log(`${db.name}: ${line}`)));
      } finally {
        if (!args.has("--keep")) rmSync(runDir, { recursive: true, force: true });
      }
    }
  } finally {
    for (const db of databases) await db.stop();
  }
  console.log(formatReport(plan, results));
  const missed = missedTargets(results);
  for (const line of missed) console.log(`MISSED: ${line}`);
  return missed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
