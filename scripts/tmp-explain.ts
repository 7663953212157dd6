import { createPGlite } from "../lib/db/pglite-adapter";
import { openPGlite } from "../lib/db/adapters";
import { applyMigrations } from "../lib/db/migrate";
import { PrismaClient } from "../lib/db/generated/client";
import { listGenerationsSql } from "../lib/db/queries/generation-reads";
import { seedUsers } from "./bench/seed-users";

const pglite = createPGlite();
const opened = openPGlite(pglite);
await applyMigrations({ adapter: opened.factory });
const prisma = new PrismaClient({ adapter: opened.factory });
await seedUsers(prisma, { count: 4, completed: 40 });
async function time(name: string, text: string, values: unknown[]) {
  for (let i = 0; i < 30; i++) await pglite.query(text, values);
  const t = performance.now();
  for (let i = 0; i < 200; i++) await pglite.query(text, values);
  const ex = await pglite.query<{ "QUERY PLAN": string }>("EXPLAIN (ANALYZE, TIMING OFF) " + text, values);
  const lines = ex.rows.map((r) => r["QUERY PLAN"]).filter((l) => /Planning|Execution/.test(l)).join(" ");
  console.log(name.padEnd(28), ((performance.now() - t) / 200).toFixed(2), "ms", lines);
}
const sql = listGenerationsSql({ userId: "bench-user-1", limit: 25, promptMax: 280 });
await time("full tile", sql.text, sql.values);
const v = (s: string) => s;
await time("no to_char", sql.text.replace(/to_char\([^)]*\)\)/, "g.created_at"), sql.values);
await time("bare", `SELECT g.id, g.created_at FROM generations g WHERE g.user_id = $1 AND g.deleted_at IS NULL ORDER BY g.created_at DESC, g.id DESC LIMIT 25`, ["bench-user-1"]);
await time("row cols+media json", `SELECT g.id, g.created_at, g.kind, g.status, g.model, g.prompt, g.progress, g.favorite, g.params->'size', g.params->'duration', (SELECT json_agg(json_build_object('id', m.id,'role',m.role)) FROM media m WHERE m.generation_id = g.id) FROM generations g WHERE g.user_id = $1 AND g.deleted_at IS NULL ORDER BY g.created_at DESC, g.id DESC LIMIT 25`, ["bench-user-1"]);
await time("one row aggregated", `SELECT json_agg(t.tile)::text FROM (${sql.text}) t`, sql.values);
await time("one row, ids separately", `SELECT array_agg(t.id), json_agg(t.tile)::text FROM (${sql.text}) t`, sql.values);
void v;
await prisma.$disconnect();
await pglite.close();
