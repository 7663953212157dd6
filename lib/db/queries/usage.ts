import "server-only";
import { getPrisma } from "../client";
import { Prisma, type GenerationKind, type UsageSource, type UsageStatus } from "../generated/client";

/**
 * Reads of the credit ledger (usage_entries), always scoped to one user. Only held and
 * settled rows count as spend: a released hold was given back. Amounts are millicredits;
 * sums come back from SQL as bigint and are turned into numbers here (a user's spend
 * stays far below 2^53).
 */
type Db = Prisma.TransactionClient;

export interface SpendTotals {
  settledMilli: number;
  heldMilli: number;
}

export async function sumUsage(input: { userId: string; since: Date; until?: Date; db?: Db }): Promise<SpendTotals> {
  const db = input.db ?? getPrisma();
  const until = input.until ?? new Date("9999-12-31T00:00:00Z");
  const rows = await db.$queryRaw<{ settled: bigint | number | null; held: bigint | number | null }[]>(Prisma.sql`
    SELECT
      COALESCE(SUM(amount_milli) FILTER (WHERE status = 'settled'), 0)::bigint AS settled,
      COALESCE(SUM(amount_milli) FILTER (WHERE status = 'held'), 0)::bigint AS held
    FROM usage_entries
    WHERE user_id = ${input.userId} AND created_at >= ${input.since} AND created_at < ${until}`);
  const row = rows[0];
  return { settledMilli: Number(row?.settled ?? 0), heldMilli: Number(row?.held ?? 0) };
}

export async function getUserAllowance({ userId }: { userId: string }): Promise<number | null> {
  const user = await getPrisma().user.findUnique({ where: { id: userId }, select: { allowanceMilli: true } });
  return user?.allowanceMilli ?? null;
}

export interface DailyUsageRow {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  kind: GenerationKind;
  model: string;
  status: "held" | "settled";
  milli: number;
}

/** Spend per UTC day, kind, model and status since `since` (held and settled only). */
export async function dailyUsage({ userId, since }: { userId: string; since: Date }): Promise<DailyUsageRow[]> {
  const rows = await getPrisma().$queryRaw<{ day: string; kind: GenerationKind; model: string; status: "held" | "settled"; milli: bigint | number }[]>(Prisma.sql`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, kind::text AS kind, model, status::text AS status,
           SUM(amount_milli)::bigint AS milli
    FROM usage_entries
    WHERE user_id = ${userId} AND created_at >= ${since} AND status IN ('held', 'settled')
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4`);
  return rows.map((r) => ({ ...r, milli: Number(r.milli) }));
}

const ledgerSelect = {
  id: true,
  generationId: true,
  kind: true,
  model: true,
  amountMilli: true,
  status: true,
  source: true,
  createdAt: true,
  settledAt: true,
} satisfies Prisma.UsageEntrySelect;

export interface LedgerRow {
  id: string;
  generationId: string | null;
  kind: GenerationKind;
  model: string;
  amountMilli: number;
  status: UsageStatus;
  source: UsageSource;
  createdAt: Date;
  settledAt: Date | null;
}

/** The user's ledger, newest first, keyset-paginated on (createdAt, id). */
export async function listUsageEntries(input: { userId: string; limit: number; cursor?: { createdAt: Date; id: string } }): Promise<LedgerRow[]> {
  const where: Prisma.UsageEntryWhereInput = {
    userId: input.userId,
    ...(input.cursor
      ? { OR: [{ createdAt: { lt: input.cursor.createdAt } }, { createdAt: input.cursor.createdAt, id: { lt: input.cursor.id } }] }
      : {}),
  };
  return getPrisma().usageEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit, select: ledgerSelect });
}
