import { performance } from "node:perf_hooks";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";

interface Row {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

/**
 * The status reads many tabs poll, through the real route handlers and session check, on
 * an embedded database holding 500 generations for one user.
 */
export async function studioBench(rows: Row[]): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "studio-bench-"));
  const secret = "bench-secret-0123456789-0123456789-abcdef";
  Object.assign(process.env, { NEXTAUTH_SECRET: secret, DATA_DIR: dataDir, PIXAPI_BASE_URL: "http://127.0.0.1:9", PIXAPI_KEY: "bench",
    // Measures the read path itself, not the per-user limiter in front of it.
    RATE_LIMIT_READS_PER_MINUTE: "0" });
  const { openPGlite } = await import("../../lib/db/adapters");
  const { createPGlite } = await import("../../lib/db/pglite-adapter");
  const { applyMigrations } = await import("../../lib/db/migrate");
  const { PrismaClient } = await import("../../lib/db/generated/client");
  const { setPrismaForTests } = await import("../../lib/db/client");
  const opened = openPGlite(createPGlite());
  await applyMigrations({ adapter: opened.factory });
  const prisma = new PrismaClient({ adapter: opened.factory });
  setPrismaForTests(prisma);
  try {
    const user = await prisma.user.create({ data: { email: "bench@example.com" } });
    for (let i = 0; i < 500; i++) {
      await prisma.generation.create({
        data: { userId: user.id, kind: "image", mode: "sync", model: "gpt-image-2", prompt: `prompt ${i}`, params: { n: 1 }, estimatedMilli: 2000, status: "completed" },
      });
    }
    const target = await prisma.generation.findFirstOrThrow({ where: { userId: user.id } });
    const cookie = `next-auth.session-token=${await encode({ token: { uid: user.id, sub: user.id }, secret })}`;
    const { GET: one } = await import("../../app/api/generations/[id]/route");
    const { GET: list } = await import("../../app/api/generations/route");

    const time = async (label: string, n: number, call: () => Promise<Response>, budgetMs: number) => {
      for (let i = 0; i < 20; i++) await (await call()).arrayBuffer();
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const res = await call();
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      const p95 = samples[Math.floor(0.95 * samples.length)] ?? NaN;
      rows.push({ name: label, value: `p50 ${samples[Math.floor(samples.length / 2)]!.toFixed(2)} / p95 ${p95.toFixed(2)} ms`, target: `p95 < ${budgetMs} ms`, ok: p95 < budgetMs });
    };
    await time(
      "studio GET /api/generations/[id] (PGlite)",
      300,
      () => one(new Request(`http://localhost/api/generations/${target.id}`, { headers: { cookie } }), { params: Promise.resolve({ id: target.id }) }),
      25,
    );
    await time(
      "studio GET /api/generations?limit=24 (PGlite, 500 rows)",
      100,
      () => list(new Request("http://localhost/api/generations?limit=24", { headers: { cookie } }), { params: Promise.resolve({}) }),
      60,
    );
  } finally {
    setPrismaForTests(undefined);
    await prisma.$disconnect();
    await opened.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
