import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listGenerationsSql, type GenerationFilters } from "@/lib/db/queries/generation-reads";
import { TILE_PROMPT_MAX } from "@/lib/generations/view";
import { Prisma } from "@/lib/db/generated/client";
import { SEED_HIT_WORD, SEED_MISS_WORD, SEED_MODELS, seedGallery } from "../../scripts/bench/seed-gallery";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "../support/db";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The gallery's list, filter and search queries, EXPLAINed on PostgreSQL with a table big
 * enough for the planner to care (the statement is the one the route runs). Timings live in
 * `npm run bench`; this asserts the plan: an index on generations, never a sequential scan.
 */
describe.skipIf(!postgresAvailable())("gallery query plans [postgres]", () => {
  let db: TestDatabase;
  const owner = "plan-owner";
  const collection = "plan-collection";

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    await db.prisma.user.createMany({ data: [{ id: owner, email: "plan-owner@example.com" }, { id: "plan-other", email: "plan-other@example.com" }] });
    // 120 000 rows, 30 000 of them the owner's.
    await seedGallery(db.prisma, { userId: owner, otherUserId: "plan-other", rows: 120_000, ownerEvery: 4 });
    // Favorites and a collection as people make them: a few per cent starred, a collection
    // of a few hundred items spread over the years, then fresh statistics so the planner
    // chooses with the real proportions (nothing forces a plan: enable_seqscan stays on).
    await db.prisma.$executeRawUnsafe(`UPDATE generations SET favorite = true WHERE user_id = $1 AND substr(id, 5)::int % 200 = 0`, owner);
    await db.prisma.collection.create({ data: { id: collection, userId: owner, name: "Lighthouses" } });
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO collection_items (collection_id, generation_id) SELECT $1, id FROM generations WHERE user_id = $2 AND substr(id, 5)::int % 600 = 0`,
      collection,
      owner,
    );
    // Everyone else's collections fill the table, as on a real server (60 000 memberships).
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO collections (id, user_id, name, updated_at) SELECT 'plan-c' || i, 'plan-other', 'c' || i, now() FROM generate_series(1, 40) AS i`,
    );
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO collection_items (collection_id, generation_id)
       SELECT 'plan-c' || (1 + n % 40), id FROM (SELECT id, row_number() OVER () AS n FROM generations WHERE user_id = 'plan-other' LIMIT 60000) AS g`,
    );
    await db.prisma.$executeRawUnsafe("ANALYZE generations");
    await db.prisma.$executeRawUnsafe("ANALYZE collection_items");
  }, 300_000);
  afterAll(() => db?.close());

  async function plan(filters: GenerationFilters, cursor?: { createdAt: Date; id: string }): Promise<PlanNode[]> {
    const sql = listGenerationsSql({ userId: owner, limit: 25, filters, cursor });
    const rows = await db.prisma.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
    const root = rows[0]?.["QUERY PLAN"][0]?.Plan;
    if (!root) throw new Error("EXPLAIN returned no plan");
    return nodes(root);
  }

  const deep = { createdAt: new Date(Date.now() - 100_000 * 1000), id: "seed100000" };
  const cases: [string, GenerationFilters, { createdAt: Date; id: string }?][] = [
    ["first page", {}],
    ["deep cursor page", {}, deep],
    ["model filter", { model: SEED_MODELS[1] }],
    ["model filter, deep page", { model: SEED_MODELS[1] }, deep],
    ["kind filter", { kind: "video" }],
    ["favorites", { favorite: true }],
    ["favorites, deep page", { favorite: true }, deep],
    ["collection", { collectionId: collection }],
    ["collection, deep page", { collectionId: collection }, deep],
    ["collection and favorites", { collectionId: collection, favorite: true }],
    ["status filter (pending poll)", { status: "running" }],
    ["prompt search, hit", { q: SEED_HIT_WORD }],
    ["prompt search, miss", { q: SEED_MISS_WORD }],
    ["prompt search, rare hit", { q: "seed detail 5f4dcc" }],
  ];

  for (const [name, filters, cursor] of cases) {
    it(`${name}: an index on generations, no sequential scan`, async () => {
      const all = await plan(filters, cursor);
      const onGenerations = all.filter((n) => n["Relation Name"] === "generations" || n["Index Name"]?.startsWith("generations_"));
      const described = all.map((n) => `${n["Node Type"]}${n["Index Name"] ? ` (${n["Index Name"]})` : n["Relation Name"] ? ` on ${n["Relation Name"]}` : ""}`).join(" > ");
      expect(onGenerations.length, described).toBeGreaterThan(0);
      expect(onGenerations.filter((n) => n["Node Type"] === "Seq Scan"), described).toEqual([]);
      expect(onGenerations.some((n) => /Index/.test(n["Node Type"])), described).toBe(true);
      // A collection is found through its own index, not by reading every membership.
      expect(all.filter((n) => n["Node Type"] === "Seq Scan"), described).toEqual([]);
    });
  }

  // PGlite's thread runs a page as a named prepared statement (lib/db/pglite-prepared.mjs):
  // it must settle on one generic plan, not be planned again at every run (which it was,
  // about 1 ms a page, while the LIMIT was a parameter: generic_plans stayed 0). Not a
  // collection's page: its generic plan is costed for an average collection, and PostgreSQL
  // keeps planning it for the collection asked (a page opened now and then, not polled).
  it("a prepared page statement settles on a generic plan after PostgreSQL's five custom ones", async () => {
    const cursor = { createdAt: new Date(Date.now() - 3_600_000), id: "seed999" };
    for (const [filters, withCursor] of [[{}, false], [{}, true], [{ model: SEED_MODELS[2] }, false], [{ favorite: true }, false]] as const) {
      const sql = listGenerationsSql({ userId: owner, limit: 25, filters, cursor: withCursor ? cursor : undefined });
      const counts = await db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`PREPARE page_plan AS ${sql.text}`);
        // EXECUTE takes no bind parameters: the (test's own) values are written as literals.
        const args = sql.values.map((v) => `'${(v instanceof Date ? v.toISOString() : String(v)).replace(/'/g, "''")}'`).join(", ");
        for (let i = 0; i < 8; i++) await tx.$queryRawUnsafe(`EXECUTE page_plan(${args})`);
        const rows = await tx.$queryRawUnsafe<{ generic: number; custom: number }[]>(
          "SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = 'page_plan'",
        );
        await tx.$executeRawUnsafe("DEALLOCATE page_plan");
        return rows[0];
      });
      expect(counts, JSON.stringify({ filters, withCursor })).toEqual({ generic: 3, custom: 5 });
    }
  });

  it("finds the hit and not the miss (the plan answers the question)", async () => {
    const run = (q: string) => db.prisma.$queryRaw<{ id: string }[]>(listGenerationsSql({ userId: owner, limit: 25, filters: { q } }));
    expect(await run(SEED_HIT_WORD)).toHaveLength(25);
    expect(await run(SEED_MISS_WORD)).toHaveLength(0);
  });

  it("filters answer what they ask: only starred rows, only the collection's", async () => {
    const run = async (filters: GenerationFilters) =>
      (await db.prisma.$queryRaw<{ tile: string }[]>(listGenerationsSql({ userId: owner, limit: 500, filters }))).map((r) => JSON.parse(r.tile) as { id: string; favorite: boolean });
    const favorites = await run({ favorite: true });
    expect(favorites.length).toBeGreaterThan(100);
    expect(favorites.every((g) => g.favorite)).toBe(true);
    const members = await db.prisma.collectionItem.count({ where: { collectionId: collection } });
    expect((await run({ collectionId: collection })).length).toBe(members);
  });

  it("a page row carries a tile, not the generation: prompt cut to a caption, no params body, no collections", async () => {
    const long = "x".repeat(TILE_PROMPT_MAX + 500);
    await db.prisma.$executeRawUnsafe(`UPDATE generations SET prompt = $1 WHERE id = 'seed4'`, long);
    const rows = await db.prisma.$queryRaw<{ id: string; tile: string }[]>(listGenerationsSql({ userId: owner, limit: 1 }));
    expect(rows[0]?.id).toBe("seed4");
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["createdAt", "id", "tile"]);
    const tile = JSON.parse(rows[0]?.tile ?? "null") as Record<string, unknown>;
    expect(tile["prompt"]).toBe(`${"x".repeat(TILE_PROMPT_MAX - 1)}…`);
    expect(Object.keys(tile).sort()).toEqual(["createdAt", "favorite", "id", "inputs", "kind", "model", "outputs", "params", "progress", "prompt", "status"]);
  });
});
