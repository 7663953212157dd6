import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as STUDIO_CREATE } from "@/app/api/generations/route";
import { POST as GENERATE } from "@/app/v1/images/generations/route";
import { POST as ASYNC_VIDEO } from "@/app/v1/async/videos/generations/route";
import { drainBackground } from "@/lib/generations/background";
import { forEachDatabase } from "../support/db";
import { createApiToken, v1Request } from "../support/api-tokens";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

type Envelope = { error: { code: number; type: string; message: string } };

/** gpt-image-2, 1024x1024, medium: 2 credits an image. */
const TWO_CREDITS = { model: "gpt-image-2", prompt: "budget", size: "1024x1024", quality: "medium" } as const;

forEachDatabase("/v1 shares the studio's budgets and rate limits", (getDb) => {
  let studio: StudioHarness;

  beforeAll(async () => {
    studio = await startStudioHarness({ env: { DEFAULT_ALLOWANCE_CREDITS: "3", RATE_LIMIT_SUBMITS_PER_MINUTE: "3" } });
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });

  const generate = (token: string, json: unknown) => GENERATE(v1Request(token, "/v1/images/generations", { method: "POST", json }), ctx());

  it("over budget: Pixapi's 402 insufficient_credits, nothing sent upstream, nothing held", async () => {
    const user = await studio.createUser();
    const { token } = await createApiToken(studio, user);
    expect((await generate(token, TWO_CREDITS)).status).toBe(200);
    const postsBefore = (await studio.emulator.control.stats()).routes["POST /v1/images/generations"] ?? 0;

    for (const res of [
      await generate(token, TWO_CREDITS),
      await ASYNC_VIDEO(v1Request(token, "/v1/async/videos/generations", { method: "POST", json: { model: "veo", prompt: "x", duration: 8 } }), ctx()),
    ]) {
      expect(res.status).toBe(402);
      expect(res.headers.get("retry-after")).toBeNull();
      const body = (await res.json()) as Envelope;
      expect(body.error).toMatchObject({ code: 402, type: "insufficient_credits" });
      expect(body.error.message).toMatch(/This needs \d+ credits/);
      expect(Object.keys(body.error).sort()).toEqual(["code", "message", "type"]);
    }
    expect((await studio.emulator.control.stats()).routes["POST /v1/images/generations"] ?? 0).toBe(postsBefore);
    const ledger = await getDb().prisma.usageEntry.findMany({ where: { userId: user.id } });
    expect(ledger.map((e) => [e.status, e.amountMilli])).toEqual([["settled", 2000]]);
  });

  it("the submit rate limit is one bucket per user across the UI and the API", async () => {
    const user = await studio.createUser();
    await getDb().prisma.user.update({ where: { id: user.id }, data: { allowanceMilli: 1_000_000 } });
    const { token } = await createApiToken(studio, user);
    const cheap = { model: "gemini-2.5-flash-image", prompt: "rate", size: "1024x1024", quality: "low" };
    const ui = await STUDIO_CREATE(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", ...cheap } }), ctx());
    expect(ui.status).toBe(202);
    expect((await generate(token, cheap)).status).toBe(200);
    expect((await generate(token, cheap)).status).toBe(200);
    const over = await generate(token, cheap);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await over.json()) as Envelope).error).toMatchObject({ code: 429, type: "rate_limit_error" });
    // And the UI is now over the limit too.
    const uiOver = await STUDIO_CREATE(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", ...cheap } }), ctx());
    expect(uiOver.status).toBe(429);
  });
});
