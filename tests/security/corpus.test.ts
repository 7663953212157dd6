import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as CREATE } from "@/app/api/generations/route";
import { createUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import type { GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { pngFixture, settleGeneration } from "../support/generations";
import { ctx, multipart, startStudioHarness, type StudioHarness } from "../support/studio";
import { createApiToken } from "../support/api-tokens";
import { ROUTE_TABLES } from "./corpus";
import { createFixtureUsers, generatedCases, runCase, type Fixtures, type RunContext } from "./harness";

const SECRET = "test-nextauth-secret-with-enough-entropy-0123456789";

/** Every table's own cases plus the generated ones (405s, session cases). */
const ALL = ROUTE_TABLES.map((table) => ({ table, cases: [...table.cases, ...generatedCases(table)] }));

it("the corpus holds at least 200 bad requests", () => {
  expect(ALL.reduce((n, t) => n + t.cases.length, 0)).toBeGreaterThanOrEqual(200);
});

forEachDatabase("security corpus", (getDb) => {
  let studio: StudioHarness;
  let run: RunContext;

  beforeAll(async () => {
    // Sign-up is limited per address; the corpus sends many from one, and is about input, not limits.
    studio = await startStudioHarness({ env: { RATE_LIMIT_SIGNUPS_PER_HOUR: "0", RATE_LIMIT_SIGNINS_PER_IP: "100000" } });
    const users = await createFixtureUsers();
    await getDb().prisma.user.update({ where: { id: users.disabled.id }, data: { disabled: true } });
    await createUser({ email: "taken@example.com", passwordHash: null });

    const created = await CREATE(
      await studio.request(users.alice, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt: "security fixture" } }),
      ctx(),
    );
    const { generation } = (await created.json()) as { generation: GenerationView };
    await settleGeneration(generation.id);
    const { body, headers } = await multipart({ kind: "edit", model: "gpt-image-2", prompt: "security fixture edit" }, [
      { name: "image", filename: "in.png", type: "image/png", bytes: await pngFixture() },
    ]);
    const edit = await CREATE(await studio.request(users.alice, "/api/generations", { method: "POST", body, headers }), ctx());
    const editId = ((await edit.json()) as { generation: GenerationView }).generation.id;
    await settleGeneration(editId);
    await drainBackground();
    const prisma = getDb().prisma;
    const output = await prisma.media.findFirstOrThrow({ where: { generationId: generation.id, role: "output" } });
    const input = await prisma.media.findFirst({ where: { generationId: editId, role: "input" } });
    const share = await prisma.share.create({ data: { generationId: generation.id, userId: users.alice.id, token: "SecurityFixtureShare_0" } });
    const collection = await prisma.collection.create({ data: { userId: users.alice.id, name: "security fixture", items: { create: { generationId: generation.id } } } });
    const [alice, bob, revoked, expired] = await Promise.all([
      createApiToken(studio, users.alice, { name: "alice" }),
      createApiToken(studio, users.bob, { name: "bob" }),
      createApiToken(studio, users.alice, { name: "revoked" }),
      createApiToken(studio, users.alice, { name: "expired", expiresInDays: 1 }),
    ]);
    await prisma.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await prisma.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const tokens = { alice: alice.token, aliceId: alice.id, bob: bob.token, revoked: revoked.token, expired: expired.token };
    const fixtures: Fixtures = { users, aliceGeneration: generation.id, aliceMedia: output.id, aliceInputMedia: input?.id ?? null, tokens, aliceCollection: collection.id, aliceShareToken: share.token };
    run = { studio, prisma, fixtures, secret: SECRET };
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });

  for (const { table, cases } of ALL) {
    describe(table.file, () => {
      for (const c of cases) {
        it(`${c.method} ${c.name} → ${c.status}`, () => runCase(table, c, run));
      }
    });
  }
});
