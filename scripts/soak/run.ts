import { mkdirSync } from "node:fs";
import path from "node:path";
import { httpClient } from "../load/driver";
import { startStudio, type RunningStudio } from "../load/studio";
import { freePort } from "../start/ports";
import type { BenchDatabase } from "../bench/databases";
import { rssSampler } from "../bench/rss";
import { auditDatabase, type SoakAudit } from "./audit";
import { FAULT_RULES, STUDIO_ENV, type SoakPlan } from "./plan";
import { Session } from "./session";
import { newStats, type SoakStats } from "./stats";
import { SoakUser } from "./user";

export interface SoakResult extends SoakAudit {
  database: string;
  stats: SoakStats;
  peakRssBytes: number;
  restartMs: number;
  /** Of which SIGTERM to exit (the graceful drain). */
  stopMs: number;
  /** Signing every user up and in, before the clock. */
  setupMs: number;
  /** Users who never managed to sign in. */
  signInFailures: number;
}

const PIXAPI_KEY = "sk_demo_local";
const UPSTREAM_BALANCE = 1e9;
const PASSWORD = "soak-horse-battery-42";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function emulatorCall(studio: RunningStudio, method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${studio.emulatorUrl}/_emulator${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await task(items[next++] as T);
  }));
}

/**
 * One soak on one database: start the studio as `npm start` does, make the upstream
 * misbehave, sign the users up (before the clock: account creation is setup, not load),
 * run them for the planned time with one studio restart (SIGTERM, start again on the same
 * data and emulator) in the middle, let submitted work drain, stop, and audit the books.
 */
export async function soakOnce(db: BenchDatabase, plan: SoakPlan, runDir: string, log: (line: string) => void): Promise<SoakResult> {
  const dataDir = path.join(runDir, "data");
  const logDir = path.join(runDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const port = await freePort();
  const emulatorPort = await freePort();
  const options = { port, emulatorPort, dataDir, databaseUrl: db.databaseUrl, logDir, env: STUDIO_ENV };
  const first = await startStudio(options);
  let current = first;
  const stats = newStats();
  const { uploadImages } = await import("./uploads");
  const uploads = await uploadImages();
  let peak = 0;
  let sampler = rssSampler(first.serverPid);
  const notePeak = () => {
    peak = Math.max(peak, sampler.peak() || 0);
    sampler.stop();
  };
  try {
    await emulatorCall(first, "PUT", `/accounts/${PIXAPI_KEY}`, { balance: UPSTREAM_BALANCE });

    const users = Array.from({ length: plan.users }, (_, i) => new SoakUser(i, new Session(httpClient(first.url), stats), stats, uploads));
    // Accounts and sessions before the clock: scrypt runs two at a time by design (a sign-in
    // storm waits its turn), and the soak is about what people do once signed in.
    log(`signing up and in ${plan.users} users...`);
    const setupStart = Date.now();
    let signInFailures = 0;
    await pool(users, 2, async (u) => {
      const res = await fetch(`${first.url}/api/sign-up`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: u.email, password: PASSWORD }) });
      if (res.status !== 201) throw new Error(`sign-up of ${u.email}: ${res.status} ${await res.text()}`);
      if (!(await u.signIn(PASSWORD, Date.now() + 60_000))) signInFailures++;
    });
    const setupMs = Date.now() - setupStart;
    for (const rule of FAULT_RULES) await emulatorCall(first, "POST", "/faults", rule);

    log(`${plan.users} users for ${plan.seconds} s, restart at ${plan.restartAtSeconds} s...`);
    const start = Date.now();
    const until = start + plan.seconds * 1000;
    let restartMs = 0;
    let stopMs = 0;
    const restart = (async () => {
      await sleep(plan.restartAtSeconds * 1000);
      const t0 = Date.now();
      notePeak();
      await first.stopServer();
      stopMs = Date.now() - t0;
      current = await startStudio({ ...options, externalEmulator: true, migrated: true, secrets: first.secrets });
      sampler = rssSampler(current.serverPid);
      restartMs = Date.now() - t0;
      log(`restarted in ${(restartMs / 1000).toFixed(1)} s (stopping took ${(stopMs / 1000).toFixed(1)} s)`);
    })();
    await Promise.all(
      users.map(async (u, i) => {
        // People start over the first two seconds, not all in the same millisecond.
        await sleep((i / plan.users) * 2000);
        await u.run(until);
      }),
    );
    await restart;
    log(`clock stopped after ${stats.requests} requests; draining (up to ${plan.drainSeconds} s)...`);
    const deadline = Date.now() + plan.drainSeconds * 1000;
    await Promise.all(users.map((u) => u.drain(deadline)));
    await Promise.all(users.map((u) => u.waitForNoHolds(deadline)));
    notePeak();
    const account = (await emulatorCall(current, "GET", `/accounts/${PIXAPI_KEY}`)) as { balance: number };
    await current.stop();
    await first.stop();
    const sql = await db.sql(dataDir);
    try {
      const audit = await auditDatabase(sql, [...stats.submitted.keys()], UPSTREAM_BALANCE - account.balance);
      return { database: db.name, stats, peakRssBytes: peak, restartMs, stopMs, setupMs, signInFailures, ...audit };
    } finally {
      await sql.close();
    }
  } finally {
    sampler.stop();
    await current.stop();
    await first.stop();
  }
}
