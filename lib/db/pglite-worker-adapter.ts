import path from "node:path";
import { Worker } from "node:worker_threads";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { connectShadowPGlite } from "./pglite-adapter";

/**
 * The studio server's PGlite, in a worker thread (lib/db/pglite-worker.mjs says why). This
 * side is a Prisma driver adapter that forwards each call to the worker, where the upstream
 * PGlite adapter runs it, and rebuilds its answer or its error. Rows cross as structured
 * clones (strings, numbers, Uint8Array, objects), the same values the in-thread adapter returns.
 *
 * Semantics are the in-thread ones: PGlite has one connection, so a transaction holds it
 * and every other query waits in the worker until it commits or rolls back.
 */

type Operation = "ready" | "query" | "execute" | "script" | "begin" | "commit" | "rollback" | "close";

interface WireError {
  /** A DriverAdapterError's cause ({ kind, code, message, ... }), rebuilt as one here. */
  driver?: Record<string, unknown>;
  message: string;
  name: string;
  code?: string;
}

interface Reply {
  id: number;
  value?: unknown;
  error?: WireError;
}

/** Where the worker's file is: beside this module in the checkout, or in a standalone tree. */
export function pgliteWorkerFile(): string {
  // Next bundles this module into .next/server, so its own location says nothing about
  // the checkout. scripts/serve.mjs sets STUDIO_ROOT (the checkout, or the standalone
  // tree, which the build's file tracing gives lib/db/pglite-worker.mjs: next.config.ts).
  // turbopackIgnore: a path built at run time; without it the bundler treats the whole
  // directory as something this module might load and tries to bundle all of it.
  return path.join(/* turbopackIgnore: true */ process.env.STUDIO_ROOT || process.cwd(), "lib", "db", "pglite-worker.mjs");
}

function rebuild(error: WireError): Error {
  if (error.driver) return new DriverAdapterError(error.driver as ConstructorParameters<typeof DriverAdapterError>[0]);
  return Object.assign(new Error(error.message), { name: error.name, ...(error.code ? { code: error.code } : {}) });
}

class WorkerChannel {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private stopped?: Error;

  constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.error) waiter.reject(rebuild(reply.error));
      else waiter.resolve(reply.value);
    });
    worker.on("error", (error) => this.stop(new Error(`The database thread failed: ${error.message}`, { cause: error })));
    worker.on("exit", (code) => this.stop(new Error(`The database thread stopped (exit code ${code}).`)));
    // An idle database thread must not keep the process alive, but one with calls out must:
    // at shutdown the server's sockets are closed while the database closes, and an unref'd
    // thread let the process exit before PGlite had written its files (call() refs it).
    worker.unref();
  }

  call<T>(op: Operation, { txId, arg }: { txId?: number; arg?: unknown } = {}): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, txId, arg });
    });
  }

  private stop(error: Error): void {
    // Not asked to close: every later query fails with this error (the readiness check
    // /api/health then answers 503, so a load balancer or supervisor takes the instance out).
    if (!this.stopped) console.error(`[db] ${error.message}`);
    this.stopped ??= error;
    for (const waiter of this.pending.values()) waiter.reject(this.stopped);
    this.pending.clear();
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    // Closing PGlite in the worker writes its files; then the thread ends.
    await this.call("close");
    this.stopped = new Error("The database is closed.");
    await this.worker.terminate();
  }
}

const ADAPTER_NAME = "pglite-prisma-adapter";

class WorkerTransaction implements Transaction {
  readonly provider = "postgres" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(
    private readonly channel: WorkerChannel,
    private readonly txId: number,
    readonly options: TransactionOptions,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.channel.call("query", { txId: this.txId, arg: query });
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.channel.call("execute", { txId: this.txId, arg: query });
  }

  commit(): Promise<void> {
    return this.channel.call("commit", { txId: this.txId });
  }

  rollback(): Promise<void> {
    return this.channel.call("rollback", { txId: this.txId });
  }
}

class WorkerAdapter implements SqlDriverAdapter {
  readonly provider = "postgres" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(private readonly channel: WorkerChannel) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.channel.call("query", { arg: query });
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.channel.call("execute", { arg: query });
  }

  executeScript(script: string): Promise<void> {
    return this.channel.call("script", { arg: script });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const { id, options } = await this.channel.call<{ id: number; options: TransactionOptions }>("begin", { arg: isolationLevel ?? null });
    return new WorkerTransaction(this.channel, id, options);
  }

  getConnectionInfo() {
    return { supportsRelationJoins: true };
  }

  // The thread belongs to the factory's owner (close() in lib/db/adapters.ts), not to
  // one Prisma connection: Prisma may dispose and reconnect.
  async dispose(): Promise<void> {}
}

/**
 * Starts the worker on `dataDir` (a PGlite data directory). `close()` closes the database
 * in the worker and ends the thread.
 */
export function startPGliteWorker({ dataDir, workerFile = pgliteWorkerFile() }: { dataDir: string; workerFile?: string }): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
} {
  const channel = new WorkerChannel(new Worker(/* turbopackIgnore: true */ workerFile, { workerData: { dataDir } }));
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: ADAPTER_NAME,
    // Opening the data dir finishes here, not inside the first transaction's start-up
    // allowance (as SafePGliteAdapterFactory.connect does in-thread).
    connect: async () => {
      await channel.call("ready");
      return new WorkerAdapter(channel);
    },
    // Diffs against a migrations folder use a throwaway in-memory database; that one may
    // as well live in this thread (the server never migrates: `npm start` does, before).
    connectToShadowDb: connectShadowPGlite,
  };
  return { factory, close: () => channel.close() };
}
