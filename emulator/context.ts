import type { IncomingMessage, ServerResponse } from "node:http";
import type { Accounts } from "./accounts";
import type { EmulatorConfig } from "./config";
import type { Faults } from "./faults";
import type { FileStore } from "./files";
import type { Semaphore } from "./render-video";
import type { TaskStore } from "./tasks";

/** Rendered bytes by request hash: the same request twice costs one render. */
export class RenderCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly budgetBytes: number) {}

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert so Map order is least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Buffer): void {
    if (value.length > this.budgetBytes / 4) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.length;
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  /** Renders once per key, even when identical requests arrive together. */
  private readonly inflight = new Map<string, Promise<Buffer>>();
  async getOrRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.get(key);
    if (hit) return hit;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = render().finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
      pending.then((b) => this.set(key, b)).catch(() => undefined);
    }
    return pending;
  }
}

/**
 * Request counts for GET /_emulator/stats: per route label, and polls per task id. The
 * arrival time of every poll (epoch ms) is kept too, so a test of several studio instances
 * can check that a task was never polled twice within one tracker interval.
 */
export class Stats {
  routes: Record<string, number> = {};
  tasks: Record<string, { polls: number }> = {};
  pollTimes: Record<string, number[]> = {};

  countRoute(label: string): void {
    this.routes[label] = (this.routes[label] ?? 0) + 1;
  }

  countPoll(id: string, at = Date.now()): void {
    (this.tasks[id] ??= { polls: 0 }).polls++;
    (this.pollTimes[id] ??= []).push(at);
  }

  reset(): void {
    this.routes = {};
    this.tasks = {};
    this.pollTimes = {};
  }
}

export interface App {
  config: EmulatorConfig;
  accounts: Accounts;
  tasks: TaskStore;
  files: FileStore;
  faults: Faults;
  stats: Stats;
  cache: RenderCache;
  videoSlots: Semaphore;
  /** Origin that file URLs start with, e.g. http://127.0.0.1:4010. */
  publicUrl(): string;
}

export interface Ctx {
  app: App;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** Route label, e.g. "GET /v1/tasks/:id". */
  label: string;
  /** The Bearer key; always set on /v1 routes (the router answers 401 first). */
  key: string;
  /** Aborts when the client goes away, so sync work can stop and release its credits. */
  signal: AbortSignal;
  /**
   * Applies injected faults now that the prompt is known: waits out latency, throws the
   * injected error, or never returns (hang). Resolves with a task-failure request for
   * async submissions.
   */
  faults(prompt: string | undefined, asyncSubmit?: boolean): Promise<{ taskFailure: { message: string | undefined } | undefined }>;
}

/** Thrown to leave a request unanswered on purpose (`hang` faults); the router swallows it. */
export class Hang extends Error {
  constructor() {
    super("hang");
  }
}
