import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as LIST_TOKENS, POST as CREATE_TOKEN } from "@/app/api/tokens/route";
import { DELETE as REVOKE_TOKEN } from "@/app/api/tokens/[id]/route";
import { GET as LIST_GENERATIONS } from "@/app/api/generations/route";
import { GET as MODELS } from "@/app/v1/models/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { MAX_TOKENS_PER_USER, type ApiTokenView } from "@/lib/api-tokens/manage";
import { forEachDatabase } from "../support/db";
import { createApiToken, v1Request } from "../support/api-tokens";
import { ctx, startStudioWithTwoUsers, type StudioHarness } from "../support/studio";

type Envelope = { error: { code: number; type: string; message: string } };

forEachDatabase("personal API tokens (/api/tokens)", (getDb) => {
  let studio: StudioHarness, alice: PublicUser, bob: PublicUser;
  beforeAll(async () => ({ studio, alice, bob } = await startStudioWithTwoUsers()));
  afterAll(() => studio.close());

  async function list(user: PublicUser | null): Promise<{ status: number; body: { tokens: ApiTokenView[] } & Partial<Envelope> }> {
    const res = await LIST_TOKENS(await studio.request(user, "/api/tokens"), ctx());
    return { status: res.status, body: (await res.json()) as { tokens: ApiTokenView[] } & Partial<Envelope> };
  }
  async function create(user: PublicUser | null, json: unknown) {
    return CREATE_TOKEN(await studio.request(user, "/api/tokens", { method: "POST", json }), ctx());
  }
  async function revoke(user: PublicUser | null, id: string) {
    return REVOKE_TOKEN(await studio.request(user, `/api/tokens/${id}`, { method: "DELETE" }), ctx({ id }));
  }
  const models = (token: string) => MODELS(v1Request(token, "/v1/models"), ctx());

  it("creates a token shown once, stores only its SHA-256 and lists it by name and prefix", async () => {
    const res = await create(alice, { name: "nightly renders", expiresInDays: 30 });
    expect(res.status).toBe(201);
    const created = (await res.json()) as ApiTokenView & { token: string };
    expect(created.token).toMatch(/^psk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.token.slice(4), "base64url")).toHaveLength(32);
    expect(created).toMatchObject({ name: "nightly renders", prefix: created.token.slice(0, 8), lastUsedAt: null, expired: false });
    const days = (new Date(created.expiresAt!).getTime() - new Date(created.createdAt).getTime()) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);

    const row = await getDb().prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(4));

    const { status, body } = await list(alice);
    expect(status).toBe(200);
    const listed = body.tokens.find((t) => t.id === created.id);
    expect(listed).toMatchObject({ name: "nightly renders", prefix: created.token.slice(0, 8), expiresAt: created.expiresAt });
    expect(JSON.stringify(body)).not.toContain(created.token);
    // Bob sees none of Alice's tokens.
    expect((await list(bob)).body.tokens.map((t) => t.id)).not.toContain(created.id);
  });

  it("a token without expiry never expires; using it records when it was last used", async () => {
    const created = await createApiToken(studio, alice, { name: "no expiry" });
    expect(created.expiresAt).toBeNull();
    expect((await models(created.token)).status).toBe(200);
    const listed = (await list(alice)).body.tokens.find((t) => t.id === created.id);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(Date.now() - new Date(listed!.lastUsedAt!).getTime()).toBeLessThan(60_000);
  });

  it.each([
    [{ name: "" }, /name/],
    [{ name: "   " }, /name/],
    [{ name: "x".repeat(61) }, /60 characters/],
    [{ name: "bell\u0007" }, /control characters/],
    [{ name: "two\nlines" }, /single line/],
    [{ name: "ok", expiresInDays: 0 }, /at least 1 day/],
    [{ name: "ok", expiresInDays: 366 }, /at most 365/],
    [{ name: "ok", expiresInDays: 1.5 }, /whole number/],
    [{ name: "ok", expiresInDays: "30" }, /whole number/],
    [{}, /name/],
    [[], /.+/],
  ])("refuses %j with a 400 envelope", async (json, message) => {
    const res = await create(alice, json);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Envelope;
    expect(body.error).toMatchObject({ code: 400, type: "invalid_request_error" });
    expect(body.error.message).toMatch(message);
  });

  it("refuses a body that is not JSON (415) and a signed-out caller (401)", async () => {
    const res = await CREATE_TOKEN(await studio.request(alice, "/api/tokens", { method: "POST", body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), ctx());
    expect(res.status).toBe(415);
    expect((await create(null, { name: "x" })).status).toBe(401);
    expect((await list(null)).status).toBe(401);
    expect((await revoke(null, "abcdefghij")).status).toBe(401);
  });

  it(`allows at most ${MAX_TOKENS_PER_USER} live tokens; revoking one frees a slot`, async () => {
    const carol = await studio.createUser();
    const made = await Promise.all(Array.from({ length: MAX_TOKENS_PER_USER + 3 }, (_, i) => create(carol, { name: `t${i}` })));
    const statuses = made.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_TOKENS_PER_USER);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    const refused = (await made.find((r) => r.status === 409)!.json()) as Envelope;
    expect(refused.error.message).toMatch(/already have 20 API tokens/);
    const { tokens } = (await list(carol)).body;
    expect(tokens).toHaveLength(MAX_TOKENS_PER_USER);
    expect((await revoke(carol, tokens[0]!.id)).status).toBe(204);
    expect((await create(carol, { name: "after revoke" })).status).toBe(201);
  });

  it("revoking takes effect on the next request; revoking again or another user's token is a 404", async () => {
    const mine = await createApiToken(studio, alice, { name: "to revoke" });
    expect((await models(mine.token)).status).toBe(200);

    // Bob cannot revoke it, and his attempt changes nothing.
    const bobs = await revoke(bob, mine.id);
    expect(bobs.status).toBe(404);
    expect(((await bobs.json()) as Envelope).error.type).toBe("not_found_error");
    expect((await models(mine.token)).status).toBe(200);

    expect((await revoke(alice, mine.id)).status).toBe(204);
    const after = await models(mine.token);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: { code: 401, type: "authentication_error", message: "This API token has been revoked." } });
    expect((await list(alice)).body.tokens.map((t) => t.id)).not.toContain(mine.id);
    expect((await revoke(alice, mine.id)).status).toBe(404);
    expect((await revoke(alice, "../../etc/passwd")).status).toBe(404);
  });

  it("an expired token is refused with a 401 envelope", async () => {
    const t = await createApiToken(studio, alice, { name: "short", expiresInDays: 1 });
    expect((await models(t.token)).status).toBe(200);
    await getDb().prisma.apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await models(t.token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 401, type: "authentication_error", message: "This API token has expired." } });
    expect((await list(alice)).body.tokens.find((x) => x.id === t.id)?.expired).toBe(true);
  });

  it("a disabled account's tokens stop working at once", async () => {
    const dave = await studio.createUser();
    const t = await createApiToken(studio, dave);
    expect((await models(t.token)).status).toBe(200);
    await getDb().prisma.user.update({ where: { id: dave.id }, data: { disabled: true } });
    expect((await models(t.token)).status).toBe(401);
  });

  it("tokens are never accepted on the studio's own /api routes", async () => {
    const t = await createApiToken(studio, alice);
    const headers = { authorization: `Bearer ${t.token}` };
    const gens = await LIST_GENERATIONS(await studio.request(null, "/api/generations", { headers }), ctx());
    expect(gens.status).toBe(401);
    expect(((await gens.json()) as Envelope).error.type).toBe("authentication_error");
    const tokens = await LIST_TOKENS(await studio.request(null, "/api/tokens", { headers }), ctx());
    expect(tokens.status).toBe(401);
    const made = await CREATE_TOKEN(await studio.request(null, "/api/tokens", { method: "POST", json: { name: "escalate" }, headers }), ctx());
    expect(made.status).toBe(401);
  });

  it("cookies are never accepted on /v1, and malformed or unknown tokens are 401s", async () => {
    const withCookie = await studio.request(alice, "/v1/models");
    const res = await MODELS(withCookie, ctx());
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await res.json()) as Envelope).error).toMatchObject({ code: 401, type: "authentication_error" });

    for (const header of ["", "Bearer", "Basic dXNlcjpwYXNz", "Bearer sk_not_a_studio_token", `Bearer psk_${"A".repeat(43)}`, `Bearer psk_${"A".repeat(42)}!`]) {
      const r = await MODELS(new Request("http://localhost:3999/v1/models", { headers: header ? { authorization: header } : {} }), ctx());
      expect(r.status, header).toBe(401);
      expect(((await r.json()) as Envelope).error.type).toBe("authentication_error");
    }
  });
});
