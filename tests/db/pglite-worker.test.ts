import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { startPGliteWorker } from "@/lib/db/pglite-worker-adapter";

/**
 * The server's PGlite runs in a worker thread (lib/db/pglite-worker.mjs). Everything the
 * studio does through Prisma must behave as with PGlite in this thread: same values, same
 * error codes, same transactions; and the point of it, this thread keeps running while the
 * database works. A real data dir, migrated the way `npm start` does.
 */
let dir: string;
let dataDir: string;
let worker: { prisma: PrismaClient; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "pixapi-pglite-worker-"));
  dataDir = path.join(dir, "data");
  await migrateDatabase({ dataDir });
  worker = createPrismaClient({ dataDir, pgliteThread: "worker" });
}, 120_000);

afterAll(async () => {
  await worker?.close();
  rmSync(dir, { recursive: true, force: true });
});

function db(): PrismaClient {
  if (!worker) throw new Error("the worker client is closed");
  return worker.prisma;
}

async function knownCode(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  return (error as Prisma.PrismaClientKnownRequestError).code;
}

describe("PGlite in a worker thread", () => {
  it("writes and reads rows with their JSON, dates and relations", async () => {
    const user = await db().user.create({ data: { email: "worker@example.com", name: "Worker" } });
    const generation = await db().generation.create({
      data: {
        userId: user.id,
        kind: "image",
        mode: "async",
        model: "gpt-image-2",
        prompt: "a lighthouse, 灯塔",
        params: { n: 2, size: "1024x1024", nested: { ok: true } },
        estimatedMilli: 2500,
        usageEntry: { create: { userId: user.id, model: "gpt-image-2", kind: "image", amountMilli: 2500 } },
      },
    });
    const read = await db().generation.findUniqueOrThrow({ where: { id: generation.id }, include: { usageEntry: true, user: true } });
    expect(read.params).toEqual({ n: 2, size: "1024x1024", nested: { ok: true } });
    expect(read.prompt).toBe("a lighthouse, 灯塔");
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.createdAt.getTime()).toBe(generation.createdAt.getTime());
    expect(read.usageEntry).toMatchObject({ amountMilli: 2500, status: "held" });
    expect(read.user.email).toBe("worker@example.com");
    const [row] = await db().$queryRaw<{ n: bigint; total: number }[]>`SELECT count(*) AS n, sum(amount_milli)::int AS total FROM usage_entries WHERE user_id = ${user.id}`;
    expect(row).toEqual({ n: 1n, total: 2500 });
  });

  it("answers a unique violation with Prisma's P2002 and keeps serving", async () => {
    expect(await knownCode(db().user.create({ data: { email: "worker@example.com" } }))).toBe("P2002");
    await expect(db().$queryRawUnsafe("SELECT FROM no_such_table")).rejects.toThrow(/no_such_table/);
    expect(await db().user.count({ where: { email: "worker@example.com" } })).toBe(1);
  });

  it("commits an interactive transaction, and rolls back one that throws, leaving nothing half-written", async () => {
    await db().$transaction(async (tx) => {
      await tx.user.create({ data: { email: "tx-commit@example.com" } });
      await tx.user.update({ where: { email: "tx-commit@example.com" }, data: { name: "Committed" } });
    });
    expect((await db().user.findUniqueOrThrow({ where: { email: "tx-commit@example.com" } })).name).toBe("Committed");

    await expect(
      db().$transaction(async (tx) => {
        await tx.user.create({ data: { email: "tx-rollback@example.com" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db().user.count({ where: { email: "tx-rollback@example.com" } })).toBe(0);

    // A batch transaction whose second statement fails takes the first back too.
    expect(await knownCode(db().$transaction([db().user.create({ data: { email: "batch@example.com" } }), db().user.create({ data: { email: "batch@example.com" } })]))).toBe("P2002");
    expect(await db().user.count({ where: { email: "batch@example.com" } })).toBe(0);
  });

  it("makes other queries wait while a transaction holds the one connection, then shows them its writes", async () => {
    let releaseTx!: () => void;
    const held = new Promise<void>((resolve) => (releaseTx = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const tx = db().$transaction(async (t) => {
      await t.user.create({ data: { email: "held@example.com" } });
      entered();
      await held;
    });
    await inside;
    let outsideDone = false;
    const outside = db()
      .user.count({ where: { email: "held@example.com" } })
      .then((n) => {
        outsideDone = true;
        return n;
      });
    await new Promise((r) => setTimeout(r, 200));
    expect(outsideDone).toBe(false);
    releaseTx();
    await tx;
    expect(await outside).toBe(1);
  });

  it("leaves this thread free while the database works", async () => {
    // In this thread, PGlite's WASM would block the event loop for the whole second and the
    // timer could not fire before the query answered.
    const winner = await Promise.race([
      db().$queryRawUnsafe("SELECT pg_sleep(1)").then(() => "query"),
      new Promise<string>((resolve) => setTimeout(() => resolve("timer"), 50)),
    ]);
    expect(winner).toBe("timer");
  });

  it("writes its files on close: the data dir opens again, in this thread, with every row", async () => {
    const before = await db().user.findMany({ orderBy: { email: "asc" }, include: { generations: { include: { usageEntry: true } } } });
    await worker?.close();
    worker = undefined;
    const reopened = createPrismaClient({ dataDir, pgliteThread: "main" });
    try {
      const after = await reopened.prisma.user.findMany({ orderBy: { email: "asc" }, include: { generations: { include: { usageEntry: true } } } });
      // Same values through both adapters, row for row.
      expect(after).toEqual(before);
      expect(after.map((u) => u.email)).toEqual(["held@example.com", "tx-commit@example.com", "worker@example.com"]);
    } finally {
      await reopened.prisma.$disconnect();
      await reopened.close();
    }
  });

  it("a database thread that cannot start fails every call with the reason instead of hanging", async () => {
    const broken = startPGliteWorker({ dataDir: path.join(dir, "never"), workerFile: path.join(dir, "no-such-worker.mjs") });
    await expect(broken.factory.connect()).rejects.toThrow(/database thread (failed|stopped)/);
    await expect(broken.factory.connect()).rejects.toThrow(/database thread (failed|stopped)/);
    await broken.close();
  });

  it("keeps a process with nothing else to do alive until its calls are answered, and no longer", () => {
    // At shutdown the server's sockets are closed while the database closes: an idle thread
    // must not hold the process open, but one still closing PGlite must.
    const script = path.join(dir, "alone.mts");
    const adapter = path.resolve("lib/db/pglite-worker-adapter.ts");
    writeFileSync(
      script,
      `import { startPGliteWorker } from ${JSON.stringify(adapter)};
const w = startPGliteWorker({ dataDir: ${JSON.stringify(path.join(dir, "alone"))}, workerFile: ${JSON.stringify(path.resolve("lib/db/pglite-worker.mjs"))} });
const a = await w.factory.connect();
await a.executeScript("CREATE TABLE t (x int); INSERT INTO t VALUES (41), (1);");
const r = await a.queryRaw({ sql: "SELECT sum(x)::int AS s FROM t", args: [], argTypes: [] });
console.log("answered", JSON.stringify(r.rows));
void w.close().then(() => console.log("closed"));
`,
    );
    const out = execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), script], { encoding: "utf8", timeout: 60_000 });
    expect(out.trim().split("\n")).toEqual(["answered [[42]]", "closed"]);
  }, 90_000);

  it("refuses calls after close with a clear error instead of hanging", async () => {
    const again = createPrismaClient({ dataDir, pgliteThread: "worker" });
    expect(await again.prisma.user.count()).toBe(3);
    await again.close();
    await expect(again.prisma.user.count()).rejects.toThrow(/database is closed/);
  });
});
