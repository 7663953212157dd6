/**
 * The embedded database in its own thread (worker_threads), for the studio's server.
 *
 * Why: PGlite is PostgreSQL compiled to WASM. Run in the Next process's main thread, every
 * query (planning, execution, PGlite's protocol layer) competes with request handling for
 * that one thread: under 32 polling users a status read cost ~2.2 × a route that touches no
 * database, a list read ~3 ×. Here the database runs beside the server, as PostgreSQL runs
 * in its own processes, and the main thread only sends a query and receives its rows.
 *
 * Plain JavaScript on purpose: a worker thread is started from a file, and Node runs no
 * TypeScript without a loader (Next bundles the rest of the server). The protocol and the
 * main-thread side are in lib/db/pglite-worker-adapter.ts; the Prisma driver adapter that
 * does the real work (type mapping, parsers, error conversion) runs here, unchanged.
 *
 * Messages in:  { id, op, txId?, arg? }   op: ready | query | execute | script | begin | commit | rollback | close
 * Messages out: { id, value } | { id, error: { driver? , message, name, code? } }
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { preparingClient } from "./pglite-prepared.mjs";

if (!parentPort) throw new Error("pglite-worker.mjs runs as a worker thread only");
const port = parentPort;

/** The same extensions as createPGlite (lib/db/pglite-adapter.ts): migrations create pg_trgm. */
const pglite = new PGlite({ dataDir: workerData.dataDir, extensions: { pg_trgm } });
// Statements outside transactions run as named prepared statements (pglite-prepared.mjs says why).
const ready = pglite.waitReady.then(() => new PrismaPGlite(preparingClient(pglite)).connect());

/** Open transactions by id: each holds PGlite's one connection until commit or rollback. */
const transactions = new Map();
let nextTx = 1;

function describe(error) {
  if (error && typeof error === "object" && error.name === "DriverAdapterError" && error.cause) {
    // The cause is plain data ({ kind, code, message, ... }): the main thread rebuilds the
    // DriverAdapterError from it, so Prisma maps it to the same P2002/P2034/... as in-thread.
    return { driver: { ...error.cause }, message: String(error.message), name: "DriverAdapterError" };
  }
  if (error instanceof Error) return { message: error.message, name: error.name, code: typeof error.code === "string" ? error.code : undefined, severity: error.severity, detail: error.detail };
  return { message: String(error), name: "Error" };
}

function queryable(txId) {
  if (txId === undefined) return ready;
  const tx = transactions.get(txId);
  if (!tx) throw new Error(`transaction ${txId} is not open (it was committed, rolled back or never started)`);
  return tx;
}

async function run(op, txId, arg) {
  const adapter = await ready;
  switch (op) {
    case "ready":
      return undefined;
    case "query":
      return (await queryable(txId)).queryRaw(arg);
    case "execute":
      return (await queryable(txId)).executeRaw(arg);
    case "script":
      // Awaited, unlike the upstream adapter's executeScript (see SafePGliteAdapterFactory),
      // and a PostgreSQL error becomes a driver error as it does there.
      try {
        await pglite.exec(arg);
      } catch (error) {
        if (!(error instanceof Error) || typeof error.code !== "string") throw error;
        throw Object.assign(new Error(error.message), {
          name: "DriverAdapterError",
          cause: { kind: "postgres", code: error.code, severity: error.severity ?? "ERROR", message: error.message, detail: error.detail, column: error.column, hint: error.hint },
        });
      }
      return undefined;
    case "begin": {
      const tx = await adapter.startTransaction(arg ?? undefined);
      const id = nextTx++;
      transactions.set(id, tx);
      return { id, options: tx.options };
    }
    case "commit":
    case "rollback": {
      const tx = queryable(txId);
      transactions.delete(txId);
      await (op === "commit" ? tx.commit() : tx.rollback());
      return undefined;
    }
    case "close":
      for (const tx of transactions.values()) await tx.rollback().catch(() => undefined);
      transactions.clear();
      if (!pglite.closed) await pglite.close();
      return undefined;
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

port.on("message", (message) => {
  const { id, op, txId, arg } = message;
  run(op, txId, arg).then(
    (value) => port.postMessage({ id, value }),
    (error) => port.postMessage({ id, error: describe(error) }),
  );
});
