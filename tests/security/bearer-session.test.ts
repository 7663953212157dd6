import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as LIST } from "@/app/api/generations/route";
import { createUser } from "@/lib/db/queries/users";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

forEachDatabase("a session is read from its cookie only", () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio.close());

  it("a valid session JWT sent as Authorization: Bearer is refused on /api; the same JWT as a cookie works", async () => {
    const user = await createUser({ email: `bearer-${Date.now()}@example.com`, passwordHash: null, role: "user" });
    const withCookie = await studio.request(user, "/api/generations");
    const jwt = (withCookie.headers.get("cookie") ?? "").replace("next-auth.session-token=", "");
    expect(jwt.length).toBeGreaterThan(20);

    expect((await LIST(withCookie, ctx())).status).toBe(200);

    const res = await LIST(await studio.request(null, "/api/generations", { headers: { authorization: `Bearer ${jwt}` } }), ctx());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe("authentication_error");
  });
});
