import type { SqlRunner } from "../bench/seed-gallery";

export interface SoakAudit {
  /** Accepted generations that are still queued or running after the drain (deleted ones included). */
  lost: number;
  lostIds: string[];
  /** Ledger entries still "held" after the drain. */
  held: number;
  /** Generations charged twice: more than one ledger row, or a settled charge for a failed generation. */
  doubleSettlements: number;
  /** Credits the studio settled, and what the emulator charged the studio's key, over the run. */
  settledCredits: number;
  upstreamCharged: number;
}

/**
 * Reads the books once the studio has stopped (a PGlite data dir has one owner at a time):
 * what the users saw is checked against what the database says.
 */
export async function auditDatabase(sql: SqlRunner, submittedIds: string[], upstreamCharged: number): Promise<SoakAudit> {
  const count = async (query: string, ...values: unknown[]) => Number((await sql.$queryRawUnsafe<{ n: string | number }[]>(query, ...values))[0]?.n ?? 0);
  const lostRows = await sql.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM generations WHERE id = ANY($1) AND status IN ('queued', 'running')`, submittedIds);
  const held = await count(`SELECT count(*) AS n FROM usage_entries WHERE status = 'held'`);
  const duplicated = await count(`SELECT count(*) AS n FROM (SELECT generation_id FROM usage_entries WHERE generation_id IS NOT NULL GROUP BY generation_id HAVING count(*) > 1) d`);
  const chargedForFailure = await count(
    `SELECT count(*) AS n FROM usage_entries u JOIN generations g ON g.id = u.generation_id WHERE u.status = 'settled' AND g.status = 'failed'`,
  );
  const settledMilli = await count(`SELECT coalesce(sum(amount_milli), 0) AS n FROM usage_entries WHERE status = 'settled'`);
  return {
    lost: lostRows.length,
    lostIds: lostRows.map((r) => r.id),
    held,
    doubleSettlements: duplicated + chargedForFailure,
    settledCredits: settledMilli / 1000,
    upstreamCharged,
  };
}
