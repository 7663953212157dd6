import "server-only";
import { failGeneration } from "@/lib/db/queries/generations";
import { claimDueGenerations, releaseLeases, rescheduleIngest, reschedulePoll, type TrackedGeneration } from "@/lib/db/queries/tracker";
import { env } from "@/lib/env";
import { isPixapiError, pixapi, type PixapiTask } from "@/lib/pixapi";
import { toMilli } from "@/lib/catalog";
import { failureOf } from "./errors";
import { completeWithOutputs } from "./ingest";
import { instanceId, leaseMs, withLeaseHeartbeat } from "./lease";
import { purgeIfDeleted } from "./purge";
import { recoverOrphans } from "./recover";
import { backoffMs } from "./schedule";

/**
 * The backend task tracker: polls every pending async Pixapi task until it completes or
 * fails, whether or not a browser is watching. Runs in every server instance (started
 * from instrumentation.ts); the database lease makes sure each task has one poller.
 * State lives only in the database, so a restart simply resumes.
 */
const BATCH = 8;
const INGEST_ATTEMPTS = 5;

export const trackerOwner = instanceId;

/** True when the row now has its terminal status (false: its download is retried later). */
async function settle(gen: TrackedGeneration, task: PixapiTask, owner: string, now: Date): Promise<boolean> {
  if (task.status === "failed") {
    const message = task.error?.message ? `Pixapi could not complete this task: ${task.error.message}` : "Pixapi could not complete this task.";
    await failGeneration({ id: gen.id, errorType: "generation_failed", errorMessage: message });
    return true;
  }
  try {
    const kind = task.resultType ?? (gen.kind === "video" ? "video" : "image");
    const items = task.urls.map((url) => ({ kind: "url" as const, url }));
    const reported = task.creditsCost !== null;
    await completeWithOutputs({
      generation: gen,
      kind,
      items,
      costMilli: reported ? toMilli(task.creditsCost as number) : gen.estimatedMilli,
      source: reported ? "reported" : "estimate",
    });
    return true;
  } catch (error) {
    // Downloading results can fail transiently; retry a few times before giving up. Counted
    // apart from polls: a long video has polled many times before its first download.
    if (gen.ingestAttempts < INGEST_ATTEMPTS && !(isPixapiError(error) && error.type === "media_too_large")) {
      await rescheduleIngest({ id: gen.id, owner, nextPollAt: new Date(now.getTime() + backoffMs(gen.ingestAttempts)) });
      return false;
    }
    await failGeneration({ id: gen.id, ...failureOf(error) });
    return true;
  }
}

/** Polls one task and acts on the answer. True when the generation has ended (completed or failed). */
async function pollOne(gen: TrackedGeneration, owner: string, now: Date): Promise<boolean> {
  const maxAgeMs = env().TRACKER_MAX_AGE_MINUTES * 60_000;
  const since = gen.startedAt ?? gen.createdAt;
  if (now.getTime() - since.getTime() > maxAgeMs) {
    await failGeneration({
      id: gen.id,
      errorType: "timeout",
      errorMessage: `Pixapi did not finish this task within ${env().TRACKER_MAX_AGE_MINUTES} minutes, so the studio stopped waiting. Your credits were released.`,
    });
    return true;
  }
  let task: PixapiTask;
  try {
    // One attempt per poll: the tracker's own schedule is the retry loop.
    task = await pixapi().getTask(gen.upstreamTaskId as string, { retry: { attempts: 1 }, timeoutMs: 15_000 });
  } catch (error) {
    if (isPixapiError(error) && error.type === "not_found_error") {
      await failGeneration({ id: gen.id, errorType: "generation_failed", errorMessage: "Pixapi no longer knows this task (it may have expired)." });
      return true;
    }
    const retryAfterMs = isPixapiError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
    const wait = Math.max(retryAfterMs, backoffMs(gen.pollAttempts));
    await reschedulePoll({ id: gen.id, owner, nextPollAt: new Date(now.getTime() + wait) });
    return false;
  }
  if (task.status === "completed" || task.status === "failed") return settle(gen, task, owner, now);
  // submitted, processing, or a status we don't know: still running.
  await reschedulePoll({
    id: gen.id,
    owner,
    nextPollAt: new Date(now.getTime() + backoffMs(gen.pollAttempts)),
    progress: Math.max(gen.progress, task.progress),
    upstreamStatus: task.upstreamStatus,
  });
  return false;
}

/** One tracker pass: claim due tasks, poll each once. Returns how many were polled. */
export async function pollDueTasks({ owner = trackerOwner, now = new Date() }: { owner?: string; now?: Date } = {}): Promise<number> {
  const due = await claimDueGenerations({ owner, now, leaseMs: leaseMs(), limit: BATCH });
  await Promise.all(
    due.map(async (gen) => {
      try {
        const ended = await withLeaseHeartbeat({ id: gen.id, owner }, () => pollOne(gen, owner, now));
        // Its owner deleted it while it ran (possibly during this very poll): now that it is
        // settled (or released), remove it. Only after the poll that ended it: a task still
        // running has nothing to remove yet, and asking on every poll cost a statement each.
        if (ended) await purgeIfDeleted(gen.id);
      } catch (e) {
        console.error(`[studio] tracker: poll of ${gen.id} failed:`, e);
      }
    }),
  );
  return due.length;
}

let started = false;
let stopping = false;
let timer: NodeJS.Timeout | undefined;
let currentTick: Promise<void> | undefined;

export function startTracker(): void {
  if (started) return;
  started = true;
  let lastRecovery = 0;
  const tick = async () => {
    try {
      if (Date.now() - lastRecovery > 30_000) {
        lastRecovery = Date.now();
        await recoverOrphans();
      }
      // Keep going while there is a full batch, so a backlog drains quickly.
      while (!stopping && (await pollDueTasks()) === BATCH) {
        /* next batch */
      }
    } catch (error) {
      console.error("[studio] tracker tick failed:", error);
    }
  };
  const schedule = (delay: number) => {
    if (stopping) return;
    timer = setTimeout(() => {
      currentTick = tick().finally(() => {
        currentTick = undefined;
        schedule(Math.min(env().TRACKER_POLL_MS, 1000));
      });
    }, delay).unref();
  };
  schedule(200);
}

/**
 * Graceful shutdown: takes no new tasks, lets the polls under way finish (until `deadline`,
 * epoch ms), then hands back every lease this process still holds, so another instance
 * polls those tasks at once instead of waiting for the lease to expire.
 */
export async function stopTracker({ deadline }: { deadline: number }): Promise<{ finished: boolean; released: number }> {
  stopping = true;
  if (timer) clearTimeout(timer);
  let finished = true;
  if (currentTick) {
    let wait: NodeJS.Timeout | undefined;
    finished = await Promise.race([
      currentTick.then(() => true),
      new Promise<boolean>((r) => (wait = setTimeout(() => r(false), Math.max(0, deadline - Date.now())))),
    ]);
    clearTimeout(wait);
  }
  const released = await releaseLeases({ owner: trackerOwner, now: new Date() });
  return { finished, released };
}
