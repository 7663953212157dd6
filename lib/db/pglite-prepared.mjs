/**
 * PGlite queries through named prepared statements, for the server's database thread
 * (lib/db/pglite-worker.mjs).
 *
 * Why: PGlite's `query()` sends every statement as an unnamed one, in six protocol calls
 * into WebAssembly (parse, describe, bind, describe, execute, sync), so each run is parsed,
 * analysed and planned again. The studio sends the same few statements over and over (a
 * status read, a gallery page, the tracker's claim). Here each SQL text is parsed once per
 * session as a named statement, and a run is one call: bind, describe, execute, sync.
 * PostgreSQL keeps the statement's plan (a generic one once it is no worse than the custom
 * ones: plan_cache_mode auto, as node-postgres' named statements get on a real server).
 * Measured on a gallery page and a status read: README "What one read costs".
 *
 * It answers exactly as `query()` does (same fields, rows, parsers, serializers, errors),
 * so the Prisma driver adapter above it sees no difference. Transactions keep PGlite's own
 * path (`transaction()` and its `tx.query`); these runs take the same locks `query()` takes,
 * so one never lands inside another caller's open transaction.
 *
 * Plain JavaScript: the worker thread that imports it runs without a TypeScript loader.
 */
import { parse, protocol } from "@electric-sql/pglite";

const { serialize } = protocol;

/**
 * Statements holding this comment are sent as query() sends them, planned for their values
 * on every run: where the best plan depends on the value (a prompt search: the trigram index
 * for a rare word, the date order for a common one), a generic plan picked after five runs
 * was measured about 4 × slower for a common word. lib/db/queries/generation-reads.ts adds it.
 */
export const PLAN_PER_RUN = "/* plan-per-run */";

/** Statements kept per session; the least recently used is closed past this. */
export const MAX_STATEMENTS = 200;

/** SQLSTATEs after which a fresh parse fixes the statement: a cached plan whose result type changed (DDL), or a statement the session no longer has. */
const REPARSE = new Set(["0A000", "26000"]);

/** Across clients: two clients on one session (tests) must not reuse each other's statement names. */
let nameCounter = 0;

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * A client for PrismaPGlite: `query` through prepared statements, `exec` and `transaction`
 * straight to `pglite`. `stats()` says how many statements were parsed and run (tests).
 */
export function preparingClient(pglite, { maxStatements = MAX_STATEMENTS } = {}) {
  /** SQL text → { name, paramOids }, in least- to most-recently-used order. */
  const statements = new Map();
  let parsed = 0;
  let runs = 0;
  let unprepared = 0;

  /** Parses `sql` as a new named statement (closing the oldest past the limit) and learns its parameter types. */
  async function prepare(sql, options) {
    const parts = [];
    if (statements.size >= maxStatements) {
      const [oldest, { name }] = statements.entries().next().value;
      statements.delete(oldest);
      parts.push(serialize.close({ type: "S", name }));
    }
    const name = `studio_${++nameCounter}`;
    parts.push(serialize.parse({ name, text: sql, types: options?.paramTypes }), serialize.describe({ type: "S", name }), serialize.sync());
    const { messages } = await pglite.execProtocol(concat(parts), { syncToFs: false });
    const statement = { name, paramOids: parse.parseDescribeStatementResults(messages) };
    statements.set(sql, statement);
    parsed++;
    return statement;
  }

  async function run(sql, params, options) {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
      statements.set(sql, statement);
    } else {
      statement = await prepare(sql, options);
    }
    // Serialized by the server's parameter types, as query() does.
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = statement.paramOids[i];
      const serializer = options?.serializers?.[oid] ?? pglite.serializers[oid];
      return serializer ? serializer(param) : param.toString();
    });
    const { messages } = await pglite.execProtocol(
      concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: "P" }), serialize.execute({}), serialize.sync()]),
    );
    runs++;
    return parse.parseResults(messages, pglite.parsers, options)[0];
  }

  async function query(sql, params = [], options) {
    if (sql.includes(PLAN_PER_RUN)) {
      unprepared++;
      return pglite.query(sql, params, options);
    }
    await pglite.waitReady;
    // The locks query() takes: no other statement runs meanwhile, and none inside an open transaction.
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        try {
          return await run(sql, params, options);
        } catch (error) {
          if (!(error instanceof Error) || !REPARSE.has(error.code) || !statements.has(sql)) throw error;
          statements.delete(sql);
          return run(sql, params, options);
        }
      }),
    );
  }

  return {
    query,
    exec: (sql, options) => pglite.exec(sql, options),
    transaction: (callback) => pglite.transaction(callback),
    get closed() {
      return pglite.closed;
    },
    stats: () => ({ statements: statements.size, parsed, runs, unprepared }),
  };
}
