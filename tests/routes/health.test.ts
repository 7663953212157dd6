import { afterAll, beforeAll, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { resetEnvCache } from "@/lib/env";
import { resetHealthCache } from "@/lib/health";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

forEachDatabase("GET /api/health", () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio.close());

  it("reports the database and the upstream without a session", async () => {
    const res = await GET(await studio.request(null, "/api/health"), ctx());
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: { status: string }; upstream: { status: string } };
    expect(body.database.status).toBe("ok");
    expect(["ok", "down"]).toContain(body.upstream.status);
    expect(body.status).toBe(body.upstream.status === "ok" ? "ok" : "degraded");
  });

  it("never reveals the upstream's address or key when the upstream is down", async () => {
    process.env.PIXAPI_BASE_URL = "http://127.0.0.1:9";
    resetEnvCache();
    resetHealthCache();
    try {
      const res = await GET(await studio.request(null, "/api/health"), ctx());
      expect(res.status).toBe(200); // still serving: degraded, not down
      const text = await res.text();
      const body = JSON.parse(text) as { status: string; upstream: { status: string; error?: string } };
      expect(body.status).toBe("degraded");
      expect(body.upstream).toMatchObject({ status: "down", error: "network_error" });
      expect(text).not.toContain("127.0.0.1");
      expect(text).not.toContain(studio.apiKey);
    } finally {
      process.env.PIXAPI_BASE_URL = studio.emulator.url;
      resetEnvCache();
      resetHealthCache();
    }
  });
});
