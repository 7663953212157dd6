import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite, messages } from "@electric-sql/pglite";
import { PLAN_PER_RUN, preparingClient } from "@/lib/db/pglite-prepared.mjs";
import { PLAN_PER_RUN as MARKED_BY_QUERIES, listGenerationsSql } from "@/lib/db/queries/generation-reads";

/**
 * The server's database thread runs statements as named prepared statements
 * (lib/db/pglite-prepared.mjs). Held here against PGlite's own query(): the same fields,
 * rows and errors, each SQL text parsed once, the cache bounded, a statement whose table
 * changed parsed again, and no statement run inside another caller's open transaction.
 * The worker's own tests (pglite-worker.test.ts) drive the same path through Prisma.
 */
describe("PGlite prepared statements", () => {
  let pglite: PGlite;

  beforeAll(async () => {
    pglite = new PGlite();
    await pglite.exec(`
      CREATE TYPE mood AS ENUM ('calm', 'busy');
      CREATE TABLE things (id text PRIMARY KEY, n int, big bigint, price numeric(10,3), ok boolean, at timestamptz, doc jsonb, raw bytea, mood mood, tags text[]);
      INSERT INTO things VALUES
        ('a', 1, 9007199254740993, 12.345, true, '2026-11-30T12:00:00.123Z', '{"size":"1024x1024","n":2}', '\\x00ff', 'calm', ARRAY['x','y']),
        ('b', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);`);
  });
  afterAll(() => pglite.close());

  const STATEMENTS: [string, unknown[]][] = [
    ["SELECT * FROM things ORDER BY id", []],
    ["SELECT id, n + $1::int AS n2, doc->'size' AS size FROM things WHERE id = $2", [41, "a"]],
    ["SELECT $1::timestamptz AS at, $2::jsonb AS doc, $3::boolean AS flag, $4::text[] AS list", [new Date("2026-01-02T03:04:05.678Z"), { a: [1, "b"] }, false, ["p", "q"]]],
    ["SELECT count(*)::int AS c FROM things WHERE mood = $1::mood OR $1 IS NULL", [null]],
    ["UPDATE things SET n = n WHERE id = ANY($1::text[])", [["a", "b", "zz"]]],
  ];

  it("answers every statement exactly as query() does, in both row modes", async () => {
    const client = preparingClient(pglite);
    for (const [sql, params] of STATEMENTS) {
      for (const rowMode of ["array", "object"] as const) {
        const expected = await pglite.query(sql, params, { rowMode });
        // Twice: the first run parses, the second reuses the statement.
        for (let i = 0; i < 2; i++) {
          const got = await client.query(sql, params, { rowMode });
          expect(got.fields).toEqual(expected.fields);
          expect(got.rows).toEqual(expected.rows);
          expect(got.affectedRows).toBe(expected.affectedRows);
        }
      }
    }
  });

  it("parses each SQL text once, whatever the values", async () => {
    const client = preparingClient(pglite);
    for (let i = 0; i < 6; i++) {
      const { rows } = await client.query<{ id: string }>("SELECT id FROM things WHERE n = $1 OR id = $2", [i, "b"]);
      expect(rows.map((r) => r.id)).toEqual(i === 1 ? ["a", "b"] : ["b"]);
    }
    expect(client.stats()).toEqual({ statements: 1, parsed: 1, runs: 6, unprepared: 0 });
  });

  it("sends a prompt search unprepared, planned for its pattern on every run", async () => {
    expect(MARKED_BY_QUERIES).toBe(PLAN_PER_RUN);
    const search = listGenerationsSql({ userId: "u", limit: 25, filters: { q: "lighthouse" } });
    expect(search.sql).toContain(PLAN_PER_RUN);
    expect(listGenerationsSql({ userId: "u", limit: 25 }).sql).not.toContain(PLAN_PER_RUN);
    const client = preparingClient(pglite);
    const sql = `SELECT id FROM things WHERE ${PLAN_PER_RUN} id ILIKE $1 ORDER BY id`;
    for (let i = 0; i < 7; i++) expect((await client.query(sql, ["%a%"])).rows).toEqual([{ id: "a" }]);
    expect(client.stats()).toEqual({ statements: 0, parsed: 0, runs: 0, unprepared: 7 });
    const { rows } = await pglite.query("SELECT name FROM pg_prepared_statements WHERE statement LIKE '%ILIKE%'");
    expect(rows).toEqual([]);
  });

  it("throws PostgreSQL's errors as query() does, keeps no broken statement, and the session goes on", async () => {
    const client = preparingClient(pglite);
    const duplicate = await client.query("INSERT INTO things (id) VALUES ($1)", ["a"]).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(messages.DatabaseError);
    expect((duplicate as { code?: string }).code).toBe("23505");
    const syntax = await client.query("SELEC nothing", []).catch((e: unknown) => e);
    expect((syntax as { code?: string }).code).toBe("42601");
    expect(client.stats().statements).toBe(1);
    const bad = await client.query("SELECT $1::int AS n", ["not a number"]).catch((e: unknown) => e);
    expect((bad as { code?: string }).code).toBe("22P02");
    expect((await client.query<{ n: number }>("SELECT $1::int AS n", [7])).rows).toEqual([{ n: 7 }]);
  });

  it("keeps at most maxStatements, closing the least recently used", async () => {
    const client = preparingClient(pglite, { maxStatements: 3 });
    const sql = (k: number) => `SELECT ${k} AS k, count(*)::int AS c FROM things`;
    for (const k of [1, 2, 3, 1, 4, 5]) expect((await client.query<{ k: number }>(sql(k), [])).rows[0]?.k).toBe(k);
    // 1 was used again before 4 and 5 came, so 2 and 3 went: the session holds exactly three.
    expect(client.stats()).toMatchObject({ statements: 3, parsed: 5 });
    const { rows } = await pglite.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE from_sql = false AND statement LIKE 'SELECT % AS k,%' ORDER BY name");
    expect(rows).toHaveLength(3);
    expect((await client.query<{ k: number }>(sql(2), [])).rows[0]?.k).toBe(2);
    expect(client.stats()).toMatchObject({ statements: 3, parsed: 6 });
  });

  it("parses a statement again when its table changed shape under it", async () => {
    const client = preparingClient(pglite);
    await pglite.exec("CREATE TABLE shapes (id int)");
    await pglite.exec("INSERT INTO shapes VALUES (1)");
    expect((await client.query("SELECT * FROM shapes", [])).rows).toEqual([{ id: 1 }]);
    await pglite.exec("ALTER TABLE shapes ADD COLUMN label text DEFAULT 'new'");
    expect((await client.query("SELECT * FROM shapes", [])).rows).toEqual([{ id: 1, label: "new" }]);
    expect(client.stats().parsed).toBe(2);
  });

  it("never runs inside another caller's open transaction: it waits, then sees only what was committed", async () => {
    const client = preparingClient(pglite);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const didInsert = new Promise<void>((r) => (inserted = r));
    const tx = pglite.transaction(async (t) => {
      await t.query("INSERT INTO things (id) VALUES ('tx-row')");
      inserted();
      await gate;
      await t.rollback();
    });
    await didInsert;
    let answered = false;
    const read = client.query<{ c: number }>("SELECT count(*)::int AS c FROM things WHERE id = $1", ["tx-row"]).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    release();
    await tx;
    expect((await read).rows).toEqual([{ c: 0 }]);
  });
});
