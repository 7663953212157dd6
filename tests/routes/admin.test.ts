import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as LIST_USERS } from "@/app/api/admin/users/route";
import { PATCH } from "@/app/api/admin/users/[id]/route";
import { POST as GENERATE, GET as LIST_GENERATIONS } from "@/app/api/generations/route";
import { POST as SIGN_UP } from "@/app/api/sign-up/route";
import { GET as SUMMARY } from "@/app/api/usage/summary/route";
import { POST as PROMOTE } from "@/app/api/admin/users/[id]/promote/route";
import { authOptions } from "@/lib/auth/options";
import { getUserById, upsertOAuthUser, type PublicUser } from "@/lib/db/queries/users";
import { resetEnvCache } from "@/lib/env";
import { drainBackground } from "@/lib/generations/background";
import type { AdminUserView, AdminUsersView, UsageSummaryView } from "@/lib/usage/views";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

type Envelope = { error: { type: string; message: string; fields?: Record<string, string> } };

forEachDatabase("admin: roles, users, allowances, disabling", (getDb) => {
  let studio: StudioHarness;
  let admin: PublicUser;
  let member: PublicUser;

  beforeAll(async () => {
    studio = await startStudioHarness({ env: { DEFAULT_ALLOWANCE_CREDITS: "20", ADMIN_EMAILS: "Boss@Example.com, ops@example.com" } });
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });

  async function signUp(email: string): Promise<PublicUser> {
    const res = await SIGN_UP(await studio.request(null, "/api/sign-up", { method: "POST", json: { email, password: "correct-horse-42" } }), ctx());
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string } };
    return (await getUserById({ id: user.id }))!;
  }

  const patch = async (actor: PublicUser, id: string, json: unknown) =>
    PATCH(await studio.request(actor, `/api/admin/users/${id}`, { method: "PATCH", json }), ctx({ id }));

  const generate = async (user: PublicUser) =>
    GENERATE(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt: "admin test" } }), ctx());

  it("makes exactly one admin when the first sign-ups race", async () => {
    await getDb().truncateAll();
    const users = await Promise.all(["race-a", "race-b", "race-c", "race-d"].map((n) => signUp(`${n}@example.com`)));
    expect(users.filter((u) => u.role === "admin")).toHaveLength(1);
  });

  it("makes the first account an admin, and later ones users", async () => {
    await getDb().truncateAll();
    admin = await signUp("founder@example.com");
    expect(admin.role).toBe("admin");
    member = await signUp("member@example.com");
    expect(member.role).toBe("user");
  });

  it("ADMIN_EMAILS grants nothing to a password sign-up, even for a listed address", async () => {
    const boss = await signUp("boss@example.com");
    expect(boss.role).toBe("user");
    expect((await LIST_USERS(await studio.request(boss, "/api/admin/users"), ctx())).status).toBe(403);
    expect(await getDb().prisma.roleGrant.count({ where: { userId: boss.id } })).toBe(0);
  });

  it("ADMIN_EMAILS makes admins of provider-verified OAuth sign-ins only, never of an existing password account", async () => {
    const prisma = getDb().prisma;
    const ops = await upsertOAuthUser({ verifiedEmail: "OPS@example.com", name: "Ops" });
    expect(ops.role).toBe("admin");
    expect(await prisma.roleGrant.findMany({ where: { userId: ops.id }, select: { source: true, grantedById: true } })).toEqual([
      { source: "admin_emails", grantedById: null },
    ]);
    // Signing in again grants nothing twice.
    expect((await upsertOAuthUser({ verifiedEmail: "ops@example.com" })).role).toBe("admin");
    expect(await prisma.roleGrant.count({ where: { userId: ops.id } })).toBe(1);

    // An OAuth-only account listed after it was created becomes admin at its next verified sign-in.
    const oauthOnly = await studio.createUser();
    process.env.ADMIN_EMAILS = `boss@example.com,${oauthOnly.email}`;
    resetEnvCache();
    try {
      expect((await getUserById({ id: oauthOnly.id }))?.role).toBe("user");
      expect((await upsertOAuthUser({ verifiedEmail: oauthOnly.email })).role).toBe("admin");
      expect((await LIST_USERS(await studio.request(oauthOnly, "/api/admin/users"), ctx())).status).toBe(200);
    } finally {
      process.env.ADMIN_EMAILS = "boss@example.com,ops@example.com";
      resetEnvCache();
    }

    // boss@ signed up with a password (anyone could have): a verified OAuth sign-in links to
    // that account but does not make it admin; an existing admin has to promote it.
    const boss = await upsertOAuthUser({ verifiedEmail: "boss@example.com" });
    expect(boss.role).toBe("user");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: boss.id } })).passwordHash).not.toBeNull();
    expect(await prisma.roleGrant.count({ where: { userId: boss.id } })).toBe(0);
  });

  it("refuses an OAuth sign-in whose provider did not verify the email, and links nothing", async () => {
    const callbacks = authOptions().callbacks!;
    const before = await getDb().prisma.user.findUniqueOrThrow({ where: { email: "member@example.com" } });
    const attempt = (provider: string, profile: Record<string, unknown>) =>
      callbacks.signIn!({
        user: { id: "provider-id", email: String(profile.email), name: "Mallory" },
        account: { provider, type: "oauth", providerAccountId: "provider-id" },
        profile,
      });
    // A claim of member@'s address at a provider that did not verify it, a listed admin address, an unknown provider.
    expect(await attempt("github", { email: "member@example.com", email_verified: false })).toBe("/sign-in?error=OAuthEmailUnverified");
    expect(await attempt("google", { email: "ops-new@example.com" })).toBe("/sign-in?error=OAuthEmailUnverified");
    expect(await attempt("google", { email: "ops@example.com", email_verified: "true" })).toBe("/sign-in?error=OAuthEmailUnverified");
    expect(await attempt("gitlab", { email: "new@example.com", email_verified: true })).toBe("/sign-in?error=OAuthEmailUnverified");
    expect(await getDb().prisma.user.findUnique({ where: { email: "ops-new@example.com" } })).toBeNull();
    expect(await getDb().prisma.user.findUnique({ where: { email: "new@example.com" } })).toBeNull();
    expect(await getDb().prisma.user.findUniqueOrThrow({ where: { email: "member@example.com" } })).toEqual(before);

    // Verified: the sign-in goes through and its token carries the account's own id.
    expect(await attempt("google", { email: "Fresh@Example.com", email_verified: true })).toBe(true);
    const fresh = await getDb().prisma.user.findUniqueOrThrow({ where: { email: "fresh@example.com" } });
    expect(fresh).toMatchObject({ role: "user", passwordHash: null });
    const token = await callbacks.jwt!({
      token: {},
      user: { id: "provider-id", email: "Fresh@Example.com" },
      account: { provider: "google", type: "oauth", providerAccountId: "provider-id" },
      profile: { email: "Fresh@Example.com", email_verified: true } as Record<string, unknown>,
    });
    expect(token.uid).toBe(fresh.id);
  });

  it("refuses non-admins with 403 and anonymous callers with 401", async () => {
    const list = await LIST_USERS(await studio.request(member, "/api/admin/users"), ctx());
    expect(list.status).toBe(403);
    expect(((await list.json()) as Envelope).error.type).toBe("permission_error");
    const change = await patch(member, member.id, { allowanceCredits: 1_000_000 });
    expect(change.status).toBe(403);
    expect((await getDb().prisma.user.findUniqueOrThrow({ where: { id: member.id } })).allowanceMilli).toBeNull();
    expect((await LIST_USERS(await studio.request(null, "/api/admin/users"), ctx())).status).toBe(401);
  });

  it("lists every user with their spend this period and the allowance in force", async () => {
    expect((await generate(member)).status).toBe(202);
    await drainBackground();
    const res = await LIST_USERS(await studio.request(admin, "/api/admin/users"), ctx());
    expect(res.status).toBe(200);
    const body = (await res.json()) as AdminUsersView;
    expect(body.currentUserId).toBe(admin.id);
    expect(body).toMatchObject({ period: "month", defaultAllowance: 20 });
    const row = body.users.find((u) => u.id === member.id);
    expect(row).toMatchObject({ email: "member@example.com", role: "user", disabled: false, allowance: 20, custom: false, spent: { settled: 2, held: 0 } });
    expect(body.users.find((u) => u.email === "boss@example.com")?.role).toBe("user");
    expect(body.users.find((u) => u.email === "ops@example.com")?.role).toBe("admin");
    expect(JSON.stringify(body)).not.toMatch(/password/i);
  });

  it("sets an allowance that takes effect at once, and puts it back to the default", async () => {
    const lowered = await patch(admin, member.id, { allowanceCredits: 3 });
    expect(lowered.status).toBe(200);
    expect(((await lowered.json()) as { user: AdminUserView }).user).toMatchObject({ allowance: 3, custom: true, spent: { settled: 2, held: 0 } });
    const refused = await generate(member);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as Envelope).error).toMatchObject({ type: "quota_exceeded", message: expect.stringContaining("1 credit left this month") });

    const summary = (await (await SUMMARY(await studio.request(member, "/api/usage/summary"), ctx())).json()) as UsageSummaryView;
    expect(summary.budget).toMatchObject({ allowance: 3, remaining: 1, custom: true });

    const reset = await patch(admin, member.id, { allowanceCredits: null });
    expect(((await reset.json()) as { user: AdminUserView }).user).toMatchObject({ allowance: 20, custom: false });
    expect((await generate(member)).status).toBe(202);
    await drainBackground();
  });

  it("validates the change and answers 404 for unknown users", async () => {
    for (const json of [{ allowanceCredits: -1 }, { allowanceCredits: "lots" }, { allowanceCredits: 5_000_000 }, {}, { disabled: "yes" }, { role: "admin" }]) {
      const res = await patch(admin, member.id, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(((await res.json()) as Envelope).error.type).toBe("invalid_request_error");
    }
    const missing = await patch(admin, "no-such-user", { disabled: true });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Envelope).error.type).toBe("not_found_error");
  });

  it("disables a user: every API call of theirs answers 401 until re-enabled; an admin can't disable themselves", async () => {
    const off = await patch(admin, member.id, { disabled: true });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { user: AdminUserView }).user.disabled).toBe(true);
    expect((await generate(member)).status).toBe(401);
    expect((await LIST_GENERATIONS(await studio.request(member, "/api/generations"), ctx())).status).toBe(401);
    expect((await SUMMARY(await studio.request(member, "/api/usage/summary"), ctx())).status).toBe(401);

    const on = await patch(admin, member.id, { disabled: false });
    expect(((await on.json()) as { user: AdminUserView }).user.disabled).toBe(false);
    expect((await SUMMARY(await studio.request(member, "/api/usage/summary"), ctx())).status).toBe(200);

    const self = await patch(admin, admin.id, { disabled: true });
    expect(self.status).toBe(400);
    expect(((await self.json()) as Envelope).error.message).toBe("You can't disable your own account.");
    expect((await getDb().prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).disabled).toBe(false);
  });

  const promote = async (actor: PublicUser | null, id: string) =>
    PROMOTE(await studio.request(actor, `/api/admin/users/${id}/promote`, { method: "POST" }), ctx({ id }));

  it("an admin promotes a user: admin at once, recorded with who and when", async () => {
    const prisma = getDb().prisma;
    const target = await signUp(`promoted-${Date.now()}@example.com`);
    expect((await LIST_USERS(await studio.request(target, "/api/admin/users"), ctx())).status).toBe(403);
    const started = Date.now();
    const res = await promote(admin, target.id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: AdminUserView }).user).toMatchObject({ id: target.id, role: "admin", email: target.email });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("admin");
    const grants = await prisma.roleGrant.findMany({ where: { userId: target.id } });
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ source: "admin", grantedById: admin.id });
    expect(grants[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    // The new admin's session works as admin at once (this instance forgot its cached row).
    expect((await LIST_USERS(await studio.request(target, "/api/admin/users"), ctx())).status).toBe(200);
    // The first account's own grant is on record too.
    expect(await prisma.roleGrant.findMany({ where: { userId: admin.id }, select: { source: true } })).toEqual([{ source: "first_account" }]);
  });

  it("refuses a promotion by a non-admin (403), of an admin or a disabled user (409), of nobody (404), anonymous (401)", async () => {
    const prisma = getDb().prisma;
    const grantsBefore = await prisma.roleGrant.count();
    const selfPromote = await promote(member, member.id);
    expect(selfPromote.status).toBe(403);
    expect(((await selfPromote.json()) as Envelope).error.type).toBe("permission_error");
    const other = await studio.createUser();
    expect((await promote(member, other.id)).status).toBe(403);
    expect((await promote(null, other.id)).status).toBe(401);

    const twice = await promote(admin, admin.id);
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Envelope).error.message).toBe("founder@example.com is already an administrator.");

    await prisma.user.update({ where: { id: other.id }, data: { disabled: true } });
    const disabled = await promote(admin, other.id);
    expect(disabled.status).toBe(409);
    expect(((await disabled.json()) as Envelope).error.message).toBe("Enable this account before making it an administrator.");

    expect((await promote(admin, "c0000000000000000000000000")).status).toBe(404);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("user");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("user");
    expect(await prisma.roleGrant.count()).toBe(grantsBefore);
  });

  it("two admins promoting the same user at once record one grant", async () => {
    const target = await studio.createUser();
    const second = await upsertOAuthUser({ verifiedEmail: "ops@example.com" });
    const results = await Promise.all([promote(admin, target.id), promote(second, target.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await getDb().prisma.roleGrant.count({ where: { userId: target.id } })).toBe(1);
  });
});
