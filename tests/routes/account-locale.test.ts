import { afterAll, beforeAll, expect, it } from "vitest";
import { PUT } from "@/app/api/account/locale/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

forEachDatabase("the saved studio language", (getDb) => {
  let studio: StudioHarness;
  let alice: PublicUser;
  let bob: PublicUser;

  beforeAll(async () => {
    studio = await startStudioHarness();
    alice = await studio.createUser();
    bob = await studio.createUser();
  });
  afterAll(() => studio.close());

  const localeOf = async (id: string) => (await getDb().prisma.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).locale;

  it("saves the choice on the caller's own row and sets the cookie for signed-out pages", async () => {
    expect(await localeOf(alice.id)).toBeNull();
    const res = await PUT(await studio.request(alice, "/api/account/locale", { method: "PUT", json: { locale: "zh-CN" } }), ctx());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ locale: "zh-CN" });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^studio-locale=zh-CN; Path=\/; Max-Age=\d+; SameSite=Lax/);
    expect(await localeOf(alice.id)).toBe("zh-CN");
    expect(await localeOf(bob.id)).toBeNull();

    const back = await PUT(await studio.request(alice, "/api/account/locale", { method: "PUT", json: { locale: "en" } }), ctx());
    expect(back.status).toBe(200);
    expect(await localeOf(alice.id)).toBe("en");
  });

  it("refuses an unknown language without touching the row or setting a cookie", async () => {
    const res = await PUT(await studio.request(bob, "/api/account/locale", { method: "PUT", json: { locale: "fr" } }), ctx());
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
    expect(await localeOf(bob.id)).toBeNull();
  });

  it("needs a session", async () => {
    const res = await PUT(await studio.request(null, "/api/account/locale", { method: "PUT", json: { locale: "zh-CN" } }), ctx());
    expect(res.status).toBe(401);
  });
});
