import { afterAll, beforeAll, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { decodeSlotStats, MAX_DECODES, resetDecodeSlotPeak } from "@/lib/media/decode-slots";
import { forEachDatabase } from "../support/db";
import { pngFixture, settleGeneration } from "../support/generations";
import { ctx, multipart, startStudioHarness, type StudioHarness } from "../support/studio";

type Envelope = { error: { type: string; message: string } };

/** Memory per request: image decodes are capped per process, and a refusal for budget costs no decode. */
forEachDatabase("upload decodes", (getDb) => {
  let studio: StudioHarness;

  beforeAll(async () => {
    studio = await startStudioHarness({ env: { DEFAULT_ALLOWANCE_CREDITS: "1000" } });
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });

  async function edit(user: PublicUser, images: Uint8Array[], prompt: string) {
    const { body, headers } = await multipart(
      { kind: "edit", model: "gpt-image-2", prompt, quality: "low" },
      images.map((bytes, i) => ({ name: "image", filename: `in-${i}.png`, type: "image/png", bytes })),
    );
    return POST(await studio.request(user, "/api/generations", { method: "POST", body, headers }), ctx());
  }

  it("refuses an edit over the budget before decoding any upload", async () => {
    const user = await studio.createUser();
    await getDb().prisma.user.update({ where: { id: user.id }, data: { allowanceMilli: 0 } });
    const before = decodeSlotStats().total;
    const res = await edit(user, [await pngFixture({ width: 2000, height: 1500 }), await pngFixture()], "over budget");
    expect(res.status).toBe(429);
    expect(((await res.json()) as Envelope).error.type).toBe("quota_exceeded");
    expect(decodeSlotStats().total).toBe(before);
    expect(await getDb().prisma.generation.count({ where: { userId: user.id } })).toBe(0);
    expect(await studio.mediaFiles()).not.toContainEqual(expect.stringContaining(user.id));
  }, 120_000);

  it("decodes the uploads of many concurrent edits one at a time, and every edit still goes through", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => studio.createUser()));
    const images = [await pngFixture({ width: 1600, height: 1200, color: "#aa3300" }), await pngFixture({ width: 1200, height: 900, color: "#0033aa" })];
    resetDecodeSlotPeak();
    const before = decodeSlotStats().total;
    const answers = await Promise.all(users.map((u, i) => edit(u, images, `concurrent edit ${i}`)));
    expect(answers.map((r) => r.status)).toEqual(users.map(() => 202));
    const stats = decodeSlotStats();
    expect(MAX_DECODES).toBe(1);
    expect(stats.peak).toBe(MAX_DECODES);
    // Two uploads per edit: a re-encode and a thumbnail each.
    expect(stats.total - before).toBeGreaterThanOrEqual(users.length * images.length * 2);
    expect(stats).toMatchObject({ running: 0, waiting: 0 });
    // Let the upstream tasks finish before the emulator closes.
    for (const res of answers) await settleGeneration(((await res.json()) as { generation: { id: string } }).generation.id);
  }, 240_000);
});
