import type { Accounts } from "./accounts";
import { ApiError, type ErrorBody } from "./errors";
import { taskId } from "./ids";

export type TaskStatus = "submitted" | "processing" | "completed" | "failed";

export interface TaskSpec {
  key: string;
  /** Echoed as requested (an alias stays an alias), like every Pixapi response. */
  model: string;
  prompt: string;
  kind: "image" | "video";
  /** Held at submit, debited on completion. */
  cost: number;
  /** Simulated wall time, already multiplied by the time scale. */
  durationMs: number;
  /** Set when a fault says this task must end failed; the message is optional. */
  injectedFailure: { message: string | undefined } | undefined;
  /** Produces the result URLs; starts right away, runs alongside the simulated wait. */
  work: () => Promise<string[]>;
}

interface Task extends Omit<TaskSpec, "work"> {
  id: string;
  createdAt: number;
  status: "running" | "completed" | "failed";
  urls: string[];
  error: ErrorBody | undefined;
  completedAt: number | undefined;
  /** Progress frozen at the moment a task failed. */
  finalProgress: number;
}

/** Unix seconds, as the docs show (`created`, `completed`, `created_at`). */
const unix = (ms: number) => Math.floor(ms / 1000);

/** Oldest finished tasks are forgotten past this many, so a long benchmark can't grow memory forever. */
const MAX_TASKS = 50_000;

/**
 * Async tasks, in memory. Status is derived from the clock while a task runs:
 * `submitted` for the first tenth of its simulated time, then `processing` with progress
 * rising 1 → 99, and only once the render has finished too, `completed` (100) — so at
 * time scale 0 a task completes as soon as its media exists.
 */
export class TaskStore {
  private readonly tasks = new Map<string, Task>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly accounts: Accounts) {}

  submit(spec: TaskSpec): { id: string; createdAt: number } {
    const now = Date.now();
    const { work, ...rest } = spec;
    const task: Task = { ...rest, id: taskId(now), createdAt: now, status: "running", urls: [], error: undefined, completedAt: undefined, finalProgress: 0 };
    this.accounts.reserve(spec.key, spec.cost);
    this.tasks.set(task.id, task);
    this.evict();

    // An injected failure spends no rendering time; real work starts now, in parallel with the wait.
    const result = spec.injectedFailure ? undefined : work();
    result?.catch(() => undefined); // handled below; avoid an unhandled rejection before the wait ends
    const wait = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, spec.durationMs);
      this.timers.add(timer);
    });
    const fail = (error: ErrorBody) => this.finish(task, { error });
    if (result) result.catch((error: unknown) => fail(this.errorBody(error)));
    void wait.then(async () => {
      if (this.closed || task.status !== "running") return;
      if (spec.injectedFailure) {
        fail({ code: 500, type: "server_error", message: spec.injectedFailure.message ?? "Generation failed: the model provider returned an error." });
        return;
      }
      try {
        const urls = await result!;
        this.finish(task, { urls });
      } catch {
        // Already reported by the catch above.
      }
    });
    return { id: task.id, createdAt: now };
  }

  private errorBody(error: unknown): ErrorBody {
    if (error instanceof ApiError) return error.toBody().error;
    console.error("[emulator] task render failed:", error);
    return { code: 500, type: "server_error", message: "Rendering failed inside the emulator." };
  }

  /** Terminal transitions happen once: credits settle on success and are released on failure. */
  private finish(task: Task, outcome: { urls: string[] } | { error: ErrorBody }): void {
    if (task.status !== "running" || this.closed) return;
    task.completedAt = Date.now();
    if ("urls" in outcome) {
      task.status = "completed";
      task.urls = outcome.urls;
      this.accounts.settle(task.key, task.cost);
    } else {
      task.finalProgress = this.progress(task, task.completedAt);
      task.status = "failed";
      task.error = outcome.error;
      this.accounts.release(task.key, task.cost);
    }
  }

  private progress(task: Task, now: number): number {
    if (task.durationMs <= 0) return 99;
    const fraction = (now - task.createdAt) / task.durationMs;
    if (fraction < 0.1) return 0;
    return Math.min(99, Math.max(1, Math.floor(fraction * 100)));
  }

  /** The task as GET /v1/tasks/{id} shows it, or undefined if `key` doesn't own it. */
  view(id: string, key: string): Record<string, unknown> | undefined {
    const task = this.tasks.get(id);
    if (!task || task.key !== key) return undefined;
    // Field order follows the docs' example, for anyone reading raw responses.
    const created = unix(task.createdAt);
    if (task.status === "completed") {
      return {
        id: task.id,
        status: "completed",
        credits_cost: task.cost,
        model: task.model,
        progress: 100,
        result: { type: task.kind, data: task.urls.map((url) => ({ url })) },
        created,
        completed: unix(task.completedAt!),
      };
    }
    if (task.status === "failed") {
      return {
        id: task.id,
        status: "failed",
        credits_cost: 0,
        model: task.model,
        progress: task.finalProgress,
        error: task.error,
        created,
        completed: unix(task.completedAt!),
      };
    }
    const progress = this.progress(task, Date.now());
    const status: TaskStatus = progress === 0 && task.durationMs > 0 ? "submitted" : "processing";
    return { id: task.id, status, credits_cost: 0, model: task.model, progress, created };
  }

  /** The task's prompt, so fault rules can match polls of a test's own task. */
  promptOf(id: string): string | undefined {
    return this.tasks.get(id)?.prompt;
  }

  private evict(): void {
    if (this.tasks.size <= MAX_TASKS) return;
    for (const [id, task] of this.tasks) {
      if (task.status !== "running") this.tasks.delete(id);
      if (this.tasks.size <= MAX_TASKS) return;
    }
  }

  /** Forgets every task; running ones give their held credits back first. */
  reset(): void {
    for (const task of this.tasks.values()) if (task.status === "running") this.finish(task, { error: { code: 500, type: "server_error", message: "Emulator reset" } });
    this.tasks.clear();
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
