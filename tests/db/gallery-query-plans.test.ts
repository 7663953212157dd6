import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listGenerationsSql, type GenerationFilters } from "@/lib/db/queries/generation-reads";
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

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    await db.prisma.user.createMany({ data: [{ id: owner, email: "plan-owner@example.com" }, { id: "plan-other", email: "plan-other@example.com" }] });
    // 120 000 rows, 30 000 of them the owner's.
    await seedGallery(db.prisma, { userId: owner, otherUserId: "plan-other", rows: 120_000, ownerEvery: 4 });
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
    });
  }

  it("finds the hit and not the miss (the plan answers the question)", async () => {
    const run = (q: string) => db.prisma.$queryRaw<{ id: string }[]>(listGenerationsSql({ userId: owner, limit: 25, filters: { q } }));
    expect(await run(SEED_HIT_WORD)).toHaveLength(25);
    expect(await run(SEED_MISS_WORD)).toHaveLength(0);
  });
});
