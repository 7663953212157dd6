import "server-only";
import { env } from "../env";
import { openAdapter, type DatabaseTarget } from "./adapters";
import type { ArgType, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma } from "./generated/client";

export type { PrismaClient } from "./generated/client";

/**
 * One PrismaClient per process, kept on globalThis: dev hot reload and Next's separate
 * module graphs (route handlers vs. server components) would otherwise open a second
 * pool, or worse, a second PGlite on the same data dir, which corrupts it.
 * Created lazily on first use, never at import: `next build` imports route modules.
 *
 * Migrations are not run here. `npm start` runs them (lib/db/migrate.ts) before the
 * server opens the database, because one process must own a PGlite data dir.
 *
 * Tests: `setPrismaForTests(client)` makes getPrisma() return that client (the harness in
 * tests/support/db.ts does it for every suite), so route handlers and lib code under test
 * use the test database without touching env.
 */
interface DbState {
  /** Set by closePrisma (shutdown): late work must not reopen a PGlite data dir. */
  closed?: boolean;
  client?: PrismaClient;
  close?: () => Promise<void>;
  testClient?: PrismaClient;
}

const holder = globalThis as typeof globalThis & { __pixapiStudioDb?: DbState };

function state(): DbState {
  holder.__pixapiStudioDb ??= {};
  return holder.__pixapiStudioDb;
}

/**
 * Which engine a client talks to, for the few writes that take a shorter path on PGlite:
 * it runs one statement at a time on its one connection, so a single statement is already
 * isolated from every other one (PostgreSQL needs a row lock for the same guarantee).
 * Unregistered clients count as PostgreSQL: the path that is exact on both.
 */
// On globalThis like the client itself: Next loads this module once per module graph (route
// handlers, instrumentation), and a module-level map filled by the graph that created the
// client was empty in the others, so the server's PGlite took PostgreSQL's longer path.
interface Registered {
  engine: "pglite" | "postgres";
  /** The driver adapter factory the client was made with (queryDirect's way in). */
  factory: SqlDriverAdapterFactory;
  connected?: Promise<SqlDriverAdapter>;
}
const registry = globalThis as typeof globalThis & { __pixapiStudioDbClients?: WeakMap<PrismaClient, Registered> };
const clients = (registry.__pixapiStudioDbClients ??= new WeakMap());

/** Says which engine `prisma` talks to, and through which adapter factory (every client the studio makes is registered). */
export function registerEngine(prisma: PrismaClient, engine: "pglite" | "postgres", factory: SqlDriverAdapterFactory): void {
  clients.set(prisma, { engine, factory });
}

export function runsOnPGlite(prisma: PrismaClient): boolean {
  return clients.get(prisma)?.engine === "pglite";
}

/**
 * Runs one read statement on the driver adapter of the current client, past Prisma's query
 * engine: for the reads every open tab polls. Through $queryRaw each statement also passed
 * Prisma's request pipeline and query interpreter and had every cell of its answer
 * deserialized by column type: about 0.2 ms of the server's main thread per statement,
 * beside ~0.1 ms for the driver itself (measured on PGlite's thread and on pg). The same
 * adapter, so the same connection pool (PostgreSQL) or the same one connection (PGlite: a
 * statement waits while a Prisma transaction holds it, as Prisma's own would), and the same
 * errors (a DriverAdapterError, which the route answers like every other database failure). Values come
 * as the adapter gives them (text as strings, timestamps as ISO strings), so callers select
 * text and say what they parse. The submit's own statements (its limit and its one write)
 * and the runner's first write take this path too; transactions stay with Prisma.
 */
export async function queryDirect(sql: Prisma.Sql): Promise<SqlResultSet> {
  return (await directAdapter()).queryRaw(directQuery(sql));
}

/**
 * For statements whose one column is a JSON text the database writes (json_build_object(...)::text):
 * each row parsed. Both drivers give the same values this way (numbers, booleans, nested JSON,
 * timestamps as ISO text), whatever their own type mapping. Typed by what the SQL builds.
 */
export async function queryJson<T>(sql: Prisma.Sql): Promise<T[]> {
  const { rows } = await queryDirect(sql);
  return rows.map((row) => {
    const text = row[0];
    if (typeof text !== "string") throw new TypeError("a JSON row came back without its text");
    return JSON.parse(text) as T;
  });
}

/** The same for a write that answers with a row count (single statements only: no transaction spans two). */
export async function executeDirect(sql: Prisma.Sql): Promise<number> {
  return (await directAdapter()).executeRaw(directQuery(sql));
}

function directAdapter(): Promise<SqlDriverAdapter> {
  const prisma = getPrisma();
  const registered = clients.get(prisma);
  if (!registered) throw new Error("queryDirect: this PrismaClient was not registered with its adapter factory (registerEngine)");
  registered.connected ??= registered.factory.connect();
  return registered.connected;
}

function directQuery(sql: Prisma.Sql): SqlQuery {
  return { sql: sql.text, args: sql.values, argTypes: sql.values.map(argType) };
}

/** Dates go as timestamps (the adapters format them); the rest go to the driver as they are. */
function argType(value: unknown): ArgType {
  return { scalarType: value instanceof Date ? "datetime" : "unknown", arity: Array.isArray(value) ? "list" : "scalar" };
}

export function createPrismaClient(target: DatabaseTarget): { prisma: PrismaClient; close: () => Promise<void> } {
  const opened = openAdapter(target);
  // Prisma's defaults (2 s to start a transaction, 5 s to finish it) turned a busy moment
  // into errors: the PostgreSQL soak (100 users on 2 cores) hit both. Our transactions are
  // short row-locked writes, so waiting longer is better than failing; a timeout that still
  // happens answers 503 + Retry-After (lib/db/errors.ts isDatabaseBusy).
  const prisma = new PrismaClient({ adapter: opened.factory, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
  registerEngine(prisma, target.databaseUrl ? "postgres" : "pglite", opened.factory);
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await opened.close();
    },
  };
}

export function getPrisma(): PrismaClient {
  const s = state();
  if (s.testClient) return s.testClient;
  if (s.closed) throw new Error("The database is closed: this server is shutting down.");
  if (!s.client) {
    const e = env();
    const { prisma, close } = createPrismaClient({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR, pgliteThread: e.PGLITE_THREAD });
    s.client = prisma;
    s.close = close;
  }
  return s.client;
}

/** Test hook: route every getPrisma() call to `client`; pass undefined to undo. */
export function setPrismaForTests(client: PrismaClient | undefined): void {
  state().testClient = client;
}

/**
 * Closes the pool or the PGlite instance (which writes its files). `final` (graceful
 * shutdown): later calls to getPrisma() throw instead of opening the data dir again.
 */
export async function closePrisma({ final = false }: { final?: boolean } = {}): Promise<void> {
  const s = state();
  const close = s.close;
  if (final) s.closed = true;
  s.client = undefined;
  s.close = undefined;
  await close?.();
}
