import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as LIST_USERS } from "@/app/api/admin/users/route";
import { PATCH } from "@/app/api/admin/users/[id]/route";
import { POST as GENERATE, GET as LIST_GENERATIONS } from "@/app/api/generations/route";
import { POST as SIGN_UP } from "@/app/api/sign-up/route";
import { GET as SUMMARY } from "@/app/api/usage/summary/route";
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

  it("makes ADMIN_EMAILS admins at sign-up, at OAuth sign-in, and for accounts that existed before", async () => {
    expect((await signUp("boss@example.com")).role).toBe("admin");
    expect((await upsertOAuthUser({ email: "OPS@example.com", name: "Ops" })).role).toBe("admin");
    const before = await studio.createUser();
    expect(before.role).toBe("user");
    process.env.ADMIN_EMAILS = `boss@example.com,${before.email}`;
    resetEnvCache();
    try {
      expect((await getUserById({ id: before.id }))?.role).toBe("admin");
      expect((await LIST_USERS(await studio.request(before, "/api/admin/users"), ctx())).status).toBe(200);
    } finally {
      process.env.ADMIN_EMAILS = "boss@example.com,ops@example.com";
      resetEnvCache();
    }
    expect((await getUserById({ id: before.id }))?.role).toBe("user");
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
    expect(body.users.find((u) => u.email === "boss@example.com")?.role).toBe("admin");
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
});
