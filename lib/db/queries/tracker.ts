import "server-only";
import { getPrisma } from "../client";
import { Prisma } from "../generated/client";
import { generationSelect, type GenerationRow } from "./generations";

/**
 * Queries of the backend task tracker. A row is polled only by the instance holding its
 * lease: claiming is one UPDATE over rows picked with FOR UPDATE SKIP LOCKED, so two
 * trackers (tabs don't matter: browsers never poll upstream) never take the same task.
 */
export type TrackedGeneration = GenerationRow & { pollAttempts: number; upstreamStatus: string | null; deletedAt: Date | null };

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
    select: { ...generationSelect, pollAttempts: true, upstreamStatus: true, deletedAt: true },
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
export async function findOrphanedGenerations(input: { queuedBefore: Date; runningBefore: Date }): Promise<{ queued: string[]; interrupted: string[] }> {
  const prisma = getPrisma();
  const [queued, interrupted] = await Promise.all([
    prisma.generation.findMany({ where: { status: "queued", createdAt: { lt: input.queuedBefore } }, select: { id: true }, take: 50 }),
    prisma.generation.findMany({
      where: { status: "running", upstreamTaskId: null, startedAt: { lt: input.runningBefore } },
      select: { id: true },
      take: 50,
    }),
  ]);
  return { queued: queued.map((r) => r.id), interrupted: interrupted.map((r) => r.id) };
}
