import "server-only";
import type { GenerationRow } from "@/lib/db/queries/generations";
import { env } from "@/lib/env";
import { runInBackground } from "./background";
import { runGeneration } from "./run";

/**
 * Background runs of new generations (the upstream call, the result's download and
 * thumbnail, the settle), at most GENERATION_RUNS_AT_ONCE at a time per instance; the rest
 * wait here in submit order. Interactive latency over background throughput: a burst of
 * submits must not starve request handling of the process's CPU (on PGlite the database
 * runs in this thread too) while a hundred runs decode and encode images at once.
 *
 * Nothing is lost by waiting in memory: the row is already in the database as `queued`,
 * with its hold. If this process stops, the recovery pass (recover.ts) of any instance runs
 * queued rows older than 30 s; `runGeneration` only proceeds for the caller that moves the
 * row from queued to running, so a row run twice by mistake runs once.
 */
interface Waiting {
  id: string;
  created?: GenerationRow;
  done: () => void;
}

const holder = globalThis as typeof globalThis & {
  __pixapiStudioRunQueue?: { waiting: Waiting[]; ids: Set<string>; active: number; stopped: boolean };
};
const state = (holder.__pixapiStudioRunQueue ??= { waiting: [], ids: new Set(), active: 0, stopped: false });

function limit(): number {
  return env().GENERATION_RUNS_AT_ONCE;
}

function startNext(): void {
  while (!state.stopped && state.active < limit()) {
    const next = state.waiting.shift();
    if (!next) return;
    state.active++;
    void runGeneration(next.id, next.created)
      .catch((error: unknown) => console.error(`[studio] run of ${next.id} failed:`, error))
      .finally(() => {
        state.active--;
        state.ids.delete(next.id);
        next.done();
        startNext();
      });
  }
}

/**
 * Queues the run of a generation that is in the database as `queued`. Tracked as background
 * work (drainBackground waits for it). A generation already waiting or running here is not
 * queued twice.
 */
export function enqueueRun(id: string, created?: GenerationRow): void {
  if (state.ids.has(id) || state.stopped) return;
  state.ids.add(id);
  runInBackground(`generation ${id}`, () => new Promise<void>((done) => {
    state.waiting.push({ id, created, done });
    startNext();
  }));
}

/** Whether this instance has the generation waiting or running (the recovery pass skips it). */
export function isQueuedHere(id: string): boolean {
  return state.ids.has(id);
}

/** Ids of the generations waiting or running in this instance. */
export function queuedHere(): string[] {
  return [...state.ids];
}

/** Runs waiting and running in this instance (for logs and the bench). */
export function runQueueSize(): { waiting: number; running: number } {
  return { waiting: state.waiting.length, running: state.active };
}

/**
 * Graceful shutdown: start nothing more; runs already under way go on (the drain waits for
 * them). Waiting runs are let go: their rows stay `queued` and are run after the restart or
 * by another instance (recover.ts), rather than being started now and cut off at the deadline.
 */
export function stopRunQueue(): number {
  state.stopped = true;
  const dropped = state.waiting.splice(0);
  for (const w of dropped) {
    state.ids.delete(w.id);
    w.done();
  }
  return dropped.length;
}

/** Tests only: a stopped queue (as after a simulated shutdown) takes work again. */
export function restartRunQueueForTests(): void {
  state.stopped = false;
}
