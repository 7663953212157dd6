/**
 * Public share links are limited per client IP (RATE_LIMIT_SHARES_PER_MINUTE, through
 * lib/rate-limit): the shared files and the preview card count in one bucket; over it, a
 * 429 envelope with Retry-After; another address is not affected, and a made-up
 * X-Forwarded-For does not open a new bucket.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as CREATE_GEN } from "@/app/api/generations/route";
import { POST as SHARE } from "@/app/api/generations/[id]/share/route";
import { GET as SHARED_MEDIA } from "@/app/s/[token]/media/[mediaId]/route";
import { GET as PREVIEW } from "@/app/s/[token]/preview/route";
import type { PublicUser } from "@/lib/db/queries/users";
import type { GenerationView } from "@/lib/generations/view";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { setRateLimiterForTests } from "@/lib/rate-limit";
import { loadPublicShare } from "@/lib/shares/service";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioWithTwoUsers, type StudioHarness } from "../support/studio";

const PEER_TOKEN = "share-limit-test-peer-token";
const LIMIT = 4;

forEachDatabase("per-IP limit on public share links", () => {
  let studio: StudioHarness, alice: PublicUser;
  let token = "";
  let mediaId = "";

  beforeAll(async () => {
    ({ studio, alice } = await startStudioWithTwoUsers({ env: { RATE_LIMIT_SHARES_PER_MINUTE: String(LIMIT), STUDIO_PEER_TOKEN: PEER_TOKEN, TRUSTED_PROXIES: "" } }));
    setRateLimiterForTests(undefined);
    const res = await CREATE_GEN(await studio.request(alice, "/api/generations", { method: "POST", json: { kind: "image", model: "gemini-2.5-flash-image", prompt: "a shared lighthouse", size: "1024x1024" } }), ctx());
    const { generation } = (await res.json()) as { generation: GenerationView };
    await settleGeneration(generation.id);
    const shared = await SHARE(await studio.request(alice, `/api/generations/${generation.id}/share`, { method: "POST" }), ctx({ id: generation.id }));
    token = ((await shared.json()) as { url: string }).url.split("/s/")[1]!;
    mediaId = (await loadPublicShare(token))!.media[0]!.id;
  });
  afterAll(async () => {
    delete process.env.STUDIO_PEER_TOKEN;
    setRateLimiterForTests(undefined);
    await studio.close();
  });

  const from = (ip: string, extra: Record<string, string> = {}) => ({ [PEER_HEADER]: `${PEER_TOKEN} ${ip}`, ...extra });
  const media = (headers: Record<string, string>) => SHARED_MEDIA(new Request(`http://localhost:3999/s/${token}/media/${mediaId}`, { headers }), ctx({ token, mediaId }));
  const preview = (headers: Record<string, string>) => PREVIEW(new Request(`http://localhost:3999/s/${token}/preview`, { headers }), ctx({ token }));

  it("counts files and the preview card together per address; over the limit a 429 envelope with Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT - 1; i++) statuses.push((await media(from("203.0.113.7"))).status);
    statuses.push((await preview(from("203.0.113.7"))).status);
    const refused = await media(from("203.0.113.7"));
    statuses.push(refused.status);
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const body = (await refused.json()) as { error: { type: string; message: string; code: unknown } };
    expect(body.error).toMatchObject({ type: "rate_limit_error" });
    expect(body.error.message).toMatch(/shared links/);
    expect((await preview(from("203.0.113.7"))).status).toBe(429);

    // Another address has its own bucket.
    expect((await media(from("203.0.113.8"))).status).toBe(200);
  });

  it("a made-up X-Forwarded-For (or X-Real-IP) does not open a new bucket", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await media(from("203.0.113.7", { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `192.0.2.${i}` }));
      expect(res.status).toBe(429);
    }
  });
});
