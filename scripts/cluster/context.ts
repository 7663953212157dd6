import type { Infra } from "./infra";
import type { Instance } from "./instance";
import type { GenerationView, StudioClient } from "./client";

/** What every scenario gets: the shared services, the two instances and signed-in clients. */
export interface ClusterContext {
  infra: Infra;
  /** Instance 1 (killed and restarted by the fail-over scenarios) and instance 2. */
  a: Instance;
  b: Instance;
  restartA(env?: Record<string, string>): Promise<Instance>;
  /** The main user's browser, and a second user's. */
  client: StudioClient;
  other: StudioClient;
  email: string;
  pixapiKey: string;
  /** The upstream balance of that key before anything ran. */
  startBalance: number;
  pollMs: number;
  leaseMs: number;
  /** Generations the spread scenario made (read by later checks). */
  spread: GenerationView[];
}

export interface GenerationRow {
  id: string;
  status: string;
  upstream_task_id: string | null;
  poll_attempts: number;
  ingest_attempts: number;
  lease_owner: string | null;
  lease_until: Date | null;
}

export async function generationRows(ctx: ClusterContext, ids: string[]): Promise<GenerationRow[]> {
  const { rows } = await ctx.infra.db.query<GenerationRow>(
    "SELECT id, status, upstream_task_id, poll_attempts, ingest_attempts, lease_owner, lease_until FROM generations WHERE id = ANY($1::text[])",
    [ids],
  );
  return rows;
}

export async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
