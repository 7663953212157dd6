/**
 * The two places lib/pixapi's contract suite runs against, behind one interface:
 *
 *  - "emulator": the client straight at the local Pixapi, with a Pixapi key;
 *  - "studio":   the client at the studio's own /v1 API (real route handlers on a local
 *                HTTP server, a real database, the tracker running), with a personal
 *                psk_ token; the studio in turn calls the emulator.
 *
 * The same cases must pass on both: that is what "the studio speaks Pixapi's API" means.
 * Faults are injected through the emulator's control API (rules matched by prompt), which
 * reaches the emulator whichever way the request came in.
 */
import { createPixapiClient, type PixapiClient, type PixapiConfig } from "@/lib/pixapi";
import { resetEnvCache } from "@/lib/env";
import { setPrismaForTests } from "@/lib/db/client";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { createApiToken, startTrackerPump } from "@/tests/support/api-tokens";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { startTestEmulator, type TestEmulator } from "@/tests/support/emulator";
import { startStudioHarness, type StudioHarness } from "@/tests/support/studio";
import { startStudioServer, type StudioServer } from "@/tests/support/studio-server";

import { FAST_RETRY, KEY } from "./pixapi-support";

export type TargetName = "emulator" | "studio";
export const TARGETS: TargetName[] = ["emulator", "studio"];

/** Credits in the caller's account: charged so far and held for running tasks. */
export interface Usage {
  charged: number;
  held: number;
}

export interface ContractTarget {
  name: TargetName;
  /** The emulator that finally serves the requests (for faults and stats). */
  emulator: TestEmulator;
  /** Where an OpenAI-compatible client points, and the key it sends. */
  readonly baseUrl: string;
  readonly apiKey: string;
  client(extra?: PixapiConfig): PixapiClient;
  usage(): Promise<Usage>;
  /** Makes the caller's account unable to pay for anything (Pixapi: empty balance; studio: zero allowance). */
  exhaust(): Promise<void>;
  /** Serves from the time-scaled emulator (true) or the instant one (false). */
  useSlow(slow: boolean): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startTarget(name: TargetName): Promise<ContractTarget> {
  return name === "emulator" ? startEmulatorTarget() : startStudioTarget();
}

async function startEmulatorTarget(): Promise<ContractTarget> {
  const fast = await startTestEmulator({ keys: [KEY] });
  // Scaled so a small pro image takes ~1.8 s: long enough to watch every phase go by.
  const slow = await startTestEmulator({ keys: [KEY], timeScale: 0.5 });
  let current = fast;
  return {
    name: "emulator",
    get emulator() {
      return current;
    },
    get baseUrl() {
      return current.baseUrl;
    },
    apiKey: KEY,
    client: (extra = {}) => createPixapiClient({ baseUrl: current.baseUrl, apiKey: KEY, timeoutMs: 10_000, retry: FAST_RETRY, ...extra }),
    async usage() {
      const account = await current.control.getBalance(KEY);
      return { charged: -account.balance, held: account.reserved };
    },
    exhaust: async () => void (await current.control.setBalance(KEY, 0)),
    useSlow: async (s) => {
      current = s ? slow : fast;
    },
    reset: async () => {
      await Promise.all([fast.control.reset(), slow.control.reset()]);
    },
    close: async () => {
      await Promise.all([fast.close(), slow.close()]);
    },
  };
}

async function startStudioTarget(): Promise<ContractTarget> {
  const db: TestDatabase = await createTestDatabase("pglite");
  setPrismaForTests(db.prisma);
  const harness: StudioHarness = await startStudioHarness();
  const slow = await startTestEmulator({ timeScale: 0.5 });
  const server: StudioServer = await startStudioServer();
  const stopTracker = startTrackerPump();
  let user: PublicUser = await harness.createUser();
  let token = (await createApiToken(harness, user, { name: "contract suite" })).token;
  let current = harness.emulator;

  return {
    name: "studio",
    get emulator() {
      return current;
    },
    baseUrl: `${server.url}/v1`,
    get apiKey() {
      return token;
    },
    client: (extra = {}) => createPixapiClient({ baseUrl: `${server.url}/v1`, apiKey: token, timeoutMs: 60_000, retry: FAST_RETRY, ...extra }),
    async usage() {
      const rows = await db.prisma.usageEntry.findMany({ where: { userId: user.id } });
      const sum = (status: string) => rows.filter((r) => r.status === status).reduce((n, r) => n + r.amountMilli, 0) / 1000;
      return { charged: sum("settled"), held: sum("held") };
    },
    exhaust: async () => void (await db.prisma.user.update({ where: { id: user.id }, data: { allowanceMilli: 0 } })),
    async useSlow(s) {
      current = s ? slow : harness.emulator;
      process.env.PIXAPI_BASE_URL = current.url;
      resetEnvCache();
    },
    async reset() {
      await Promise.all([harness.emulator.control.reset(), slow.control.reset()]);
      // A fresh caller per test, so budgets and ledgers start at zero.
      user = await harness.createUser();
      token = (await createApiToken(harness, user, { name: "contract suite" })).token;
    },
    async close() {
      await stopTracker();
      await drainBackground();
      await server.close();
      await Promise.all([harness.close(), slow.close()]);
      setPrismaForTests(undefined);
      await db.close();
    },
  };
}
