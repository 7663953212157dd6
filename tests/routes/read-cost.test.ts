import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as LIST, POST } from "@/app/api/generations/route";
import { GET } from "@/app/api/generations/[id]/route";
import { PATCH } from "@/app/api/admin/users/[id]/route";
import { GET as LIVE } from "@/app/api/health/live/route";
import { resetRequestUserCache, USER_CACHE_MS } from "@/lib/auth/request-user";
import { registerEngine, setPrismaForTests } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import type { GenerationView } from "@/lib/generations/view";
import { setRateLimiterForTests } from "@/lib/rate-limit";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

/** Wraps a driver adapter factory so every statement the studio sends is counted. */
function countingFactory(inner: SqlMigrationAwareDriverAdapterFactory): { factory: SqlMigrationAwareDriverAdapterFactory; statements: string[] } {
  const statements: string[] = [];
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (q) => {
      statements.push(q.sql);
      return queryRaw(q);
    };
    adapter.executeRaw = (q) => {
      statements.push(q.sql);
      return executeRaw(q);
    };
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wrap(await inner.connect()),
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  return { factory, statements };
}

describe("GET /api/health/live", () => {
  it("answers a constant 200 without a session or a database", async () => {
    const res = await LIVE(new Request("http://localhost/api/health/live"), ctx());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

forEachDatabase("what one authenticated read costs", (getDb) => {
  let studio: StudioHarness;
  let counted: PrismaClient;
  let statements: string[];
  let alice: PublicUser;
  let generation: GenerationView;

  beforeAll(async () => {
    // The default read limit (in memory) is on, as in production.
    studio = await startStudioHarness({ env: { RATE_LIMIT_READS_PER_MINUTE: "1200" } });
    setRateLimiterForTests(undefined);
    alice = await studio.createUser();
    const res = await POST(await studio.request(alice, "/api/generations", { method: "POST", json: { kind: "image", model: "gemini-2.5-flash-image", prompt: "a counted read", size: "1024x1024" } }), ctx());
    generation = ((await res.json()) as { generation: GenerationView }).generation;
    await settleGeneration(generation.id);
    const c = countingFactory(getDb().adapter);
    counted = new PrismaClient({ adapter: c.factory });
    registerEngine(counted, getDb().kind, c.factory);
    statements = c.statements;
    setPrismaForTests(counted);
  });
  afterAll(async () => {
    setPrismaForTests(getDb().prisma);
    await counted.$disconnect();
    await drainBackground();
    await studio.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function countStatements(run: () => Promise<Response>): Promise<{ res: Response; sql: string[] }> {
    statements.length = 0;
    const res = await run();
    return { res, sql: [...statements] };
  }

  it("is one SQL statement for a status read and one for a list read once the user is known, and never a rate-limit write", async () => {
    resetRequestUserCache();
    const read = () => studio.request(alice, `/api/generations/${generation.id}`).then((req) => GET(req, ctx({ id: generation.id })));
    const cold = await countStatements(read);
    expect(cold.res.status).toBe(200);
    // Cold: the user row, then the generation with its media.
    expect(cold.sql).toHaveLength(2);

    const warm = await countStatements(read);
    expect(warm.res.status).toBe(200);
    expect(warm.sql).toHaveLength(1);
    const body = (await warm.res.json()) as { generation: GenerationView };
    expect(body.generation).toMatchObject({ id: generation.id, status: "completed", progress: 100 });
    expect(body.generation.outputs).toHaveLength(1);

    const list = await countStatements(() => studio.request(alice, "/api/generations?limit=10").then((req) => LIST(req, ctx())));
    expect(list.res.status).toBe(200);
    expect(list.sql).toHaveLength(1);
    const page = (await list.res.json()) as { items: GenerationView[] };
    expect(page.items.map((g) => g.id)).toEqual([generation.id]);
    expect(page.items[0]?.outputs[0]?.thumbUrl).toMatch(/^\/api\/media\//);

    for (const sql of [...cold.sql, ...warm.sql, ...list.sql]) expect(sql).not.toMatch(/rate_limit_buckets/);
    expect(await getDb().prisma.rateLimitBucket.count()).toBe(0);
  });

  it("still answers 404 for another user's generation in that one statement", async () => {
    const bob = await studio.createUser();
    const req = await studio.request(bob, `/api/generations/${generation.id}`);
    expect((await GET(req, ctx({ id: generation.id }))).status).toBe(404);
  });

  it("stops a user disabled by an admin on this instance at once", async () => {
    const admin = await studio.createUser();
    await getDb().prisma.user.update({ where: { id: admin.id }, data: { role: "admin" } });
    const carol = await studio.createUser();
    const read = () => studio.request(carol, "/api/generations").then((req) => LIST(req, ctx()));
    expect((await read()).status).toBe(200);
    const patch = await PATCH(await studio.request(admin, `/api/admin/users/${carol.id}`, { method: "PATCH", json: { disabled: true } }), ctx({ id: carol.id }));
    expect(patch.status).toBe(200);
    expect((await read()).status).toBe(401);
  });

  it("stops a user disabled elsewhere (another instance, SQL) within USER_CACHE_MS", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const dave = await studio.createUser();
    const read = () => studio.request(dave, "/api/generations").then((req) => LIST(req, ctx()));
    expect((await read()).status).toBe(200);
    await getDb().prisma.user.update({ where: { id: dave.id }, data: { disabled: true } });
    // Inside the window this instance still trusts the row it read…
    expect((await read()).status).toBe(200);
    vi.setSystemTime(Date.now() + USER_CACHE_MS + 1);
    // …and not a moment after.
    expect((await read()).status).toBe(401);
  });

  it("does not trust a forged or foreign session cookie, cached or not", async () => {
    const forged = new Request(`http://localhost:3999/api/generations/${generation.id}`, { headers: { cookie: "next-auth.session-token=not-a-jwt" } });
    for (let i = 0; i < 2; i++) expect((await GET(forged, ctx({ id: generation.id }))).status).toBe(401);
  });
});
