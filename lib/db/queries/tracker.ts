import "server-only";
import { getPrisma } from "../client";
import { Prisma } from "../generated/client";
import { generationSelect, type GenerationRow } from "./generations";

/**
 * Queries of the backend task tracker. A row is polled only by the instance holding its
 * lease: claiming is one UPDATE over rows picked with FOR UPDATE SKIP LOCKED, so two
 * trackers (tabs don't matter: browsers never poll upstream) never take the same task.
 */
export type TrackedGeneration = GenerationRow & { pollAttempts: number; ingestAttempts: number; upstreamStatus: string | null; deletedAt: Date | null };

export async function claimDueGenerations(input: { owner: string; now: Date; leaseMs: number; limit: number }): Promise<TrackedGeneration[]> {
  const prisma = getPrisma();
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  const rows = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    UPDATE generations SET lease_owner = ${input.owner}, lease_until = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM generations
      WHERE status = 'running' AND upstream_task_id IS NOT NULL
        AND next_poll_at <= ${input.now}
        AND (lease_until IS NULL OR lease_until < ${input.now})
      ORDER BY next_poll_at
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);
  if (rows.length === 0) return [];
  return prisma.generation.findMany({
    where: { id: { in: rows.map((r) => r.id) }, leaseOwner: input.owner },
    select: { ...generationSelect, pollAttempts: true, ingestAttempts: true, upstreamStatus: true, deletedAt: true },
  });
}

/** Records a poll that found the task still running, and gives the lease back. */
export async function reschedulePoll(input: {
  id: string;
  owner: string;
  nextPollAt: Date;
  progress?: number;
  upstreamStatus?: string;
}): Promise<void> {
  await getPrisma().generation.updateMany({
    where: { id: input.id, leaseOwner: input.owner, status: "running" },
    data: {
      nextPollAt: input.nextPollAt,
      pollAttempts: { increment: 1 },
      leaseOwner: null,
      leaseUntil: null,
      ...(input.progress !== undefined ? { progress: input.progress } : {}),
      ...(input.upstreamStatus !== undefined ? { upstreamStatus: input.upstreamStatus } : {}),
    },
  });
}

/** Extends a lease this owner still holds on a running row. False if it lost the row. */
export async function renewLease(input: { id: string; owner: string; leaseUntil: Date }): Promise<boolean> {
  const { count } = await getPrisma().generation.updateMany({
    where: { id: input.id, leaseOwner: input.owner, status: "running" },
    data: { leaseUntil: input.leaseUntil },
  });
  return count === 1;
}

/** Copying a finished task's results failed: try again later, counted apart from polls. */
export async function rescheduleIngest(input: { id: string; owner: string; nextPollAt: Date }): Promise<void> {
  await getPrisma().generation.updateMany({
    where: { id: input.id, leaseOwner: input.owner, status: "running" },
    data: { nextPollAt: input.nextPollAt, ingestAttempts: { increment: 1 }, leaseOwner: null, leaseUntil: null },
  });
}

/**
 * Hands back every lease `owner` holds (graceful shutdown): those tasks become due now, so
 * another instance polls them on its next pass. Returns how many were released.
 */
export async function releaseLeases(input: { owner: string; now: Date }): Promise<number> {
  const { count } = await getPrisma().generation.updateMany({
    where: { leaseOwner: input.owner, status: "running" },
    data: { leaseOwner: null, leaseUntil: null, nextPollAt: input.now },
  });
  return count;
}

/**
 * Rows a dead process left behind: queued ones never started (to be run now) and sync or
 * unsubmitted async ones whose upstream call was in flight when the process stopped.
 */
export async function findOrphanedGenerations(input: {
  queuedBefore: Date;
  now: Date;
  unleasedBefore: Date;
  /** Queued rows the caller is already about to run (its own run queue): not orphans. */
  notQueuedIn?: string[];
}): Promise<{ queued: string[]; interrupted: string[] }> {
  const prisma = getPrisma();
  const skip = input.notQueuedIn?.length ? { id: { notIn: input.notQueuedIn } } : {};
  const [queued, interrupted] = await Promise.all([
    prisma.generation.findMany({ where: { status: "queued", createdAt: { lt: input.queuedBefore }, ...skip }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 50 }),
    prisma.generation.findMany({
      // The runner renews its lease while the call and its downloads go on: only an expired
      // lease means the process died. Rows without a lease (started by an older version)
      // keep the old age rule.
      where: {
        status: "running",
        upstreamTaskId: null,
        OR: [{ leaseUntil: { lt: input.now } }, { leaseUntil: null, startedAt: { lt: input.unleasedBefore } }],
      },
      select: { id: true },
      take: 50,
    }),
  ]);
  return { queued: queued.map((r) => r.id), interrupted: interrupted.map((r) => r.id) };
}
