import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as SIGN_UP } from "@/app/api/sign-up/route";
import { HashingBusyError, hashSlotStats, MAX_RUNNING, MAX_WAITING, withHashSlot } from "@/lib/auth/hash-slots";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

const PEER_TOKEN = "limits-test-peer-token";

forEachDatabase("per-address limits cannot be dodged with forwarding headers", (getDb) => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness({ env: { RATE_LIMIT_SIGNUPS_PER_HOUR: "5", STUDIO_PEER_TOKEN: PEER_TOKEN, TRUSTED_PROXIES: "" } });
  });
  afterAll(async () => {
    delete process.env.STUDIO_PEER_TOKEN;
    await studio.close();
  });

  const signUp = async (n: number, headers: Record<string, string>) =>
    SIGN_UP(await studio.request(null, "/api/sign-up", { method: "POST", json: { email: `limit-${n}-${Date.now()}@example.com`, password: "correct-horse-42" }, headers }), ctx());

  it("counts sign-ups per TCP peer: a different X-Forwarded-For (or X-Real-IP) on each does not help", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await signUp(i, { [PEER_HEADER]: `${PEER_TOKEN} 203.0.113.50`, "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `192.0.2.${i}` });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(((await res.json()) as { error: { type: string } }).error.type).toBe("rate_limit_error");
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    // Another real address still gets through.
    expect((await signUp(99, { [PEER_HEADER]: `${PEER_TOKEN} 203.0.113.51` })).status).toBe(201);
  });

  it("a forged x-studio-peer header (without the server's token) is ignored", async () => {
    const res = await signUp(100, { [PEER_HEADER]: "guessed-token 198.51.100.200", "x-forwarded-for": "203.0.113.50" });
    expect(res.status).toBe(429);
  });

  it("keeps counter keys short hashes, never the header text", async () => {
    const keys = await getDb().prisma.rateLimitBucket.findMany({ select: { key: true } });
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) expect(key).toMatch(/^[a-z:]+:[A-Za-z0-9_-]{32}$/);
  });
});

it("caps concurrent password hashes and refuses (503, Retry-After) beyond the queue", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const held = Array.from({ length: MAX_RUNNING + MAX_WAITING }, () => withHashSlot(() => gate));
  await new Promise((r) => setTimeout(r, 0));
  expect(hashSlotStats()).toEqual({ running: MAX_RUNNING, waiting: MAX_WAITING });
  const refused = await withHashSlot(async () => "ran").catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(HashingBusyError);
  const res = (refused as HashingBusyError).toResponse();
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("2");
  release();
  await Promise.all(held);
  expect(hashSlotStats()).toEqual({ running: 0, waiting: 0 });
});
