import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import { DELETE } from "@/app/api/generations/[id]/route";
import { GET as MEDIA } from "@/app/api/media/[id]/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { resetEnvCache } from "@/lib/env";
import { sweepOrphanMedia } from "@/lib/generations/sweep-orphan-media";
import type { GenerationView } from "@/lib/generations/view";
import { listObjects, mediaStore, putObject } from "@/lib/storage";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { startTestS3, type TestS3 } from "../support/s3";
import { ctx, startStudioWithTwoUsers, type StudioHarness } from "../support/studio";

/**
 * The studio with STORAGE_URL=s3://… against a real S3-compatible server (s3rver): results
 * land in the bucket, /api/media streams them (ranges too) or redirects to a presigned URL,
 * deleting a generation deletes its objects, and the orphan sweep removes strays.
 */
let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.stop();
});

async function keysInStore(prefix = "users/"): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of listObjects({ prefix })) keys.push(item.key);
  return keys.sort();
}

forEachDatabase("media on S3-compatible storage", () => {
  let studio: StudioHarness, alice: PublicUser, bob: PublicUser;
  beforeAll(async () => ({ studio, alice, bob } = await startStudioWithTwoUsers({ env: { ...s3.env(`run-${randomUUID()}`), MEDIA_REDIRECT: "stream" } })));
  afterAll(() => studio.close());

  async function generate(kind: "image" | "video" = "image") {
    const json = kind === "image" ? { kind, model: "gpt-image-2", prompt: `s3 ${randomUUID()}` } : { kind, model: "veo", prompt: `s3 video ${randomUUID()}`, duration: 4 };
    const res = await POST(await studio.request(alice, "/api/generations", { method: "POST", json }), ctx());
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as { generation: GenerationView };
    // The emulator renders a video with ffmpeg in real time: allow many more tracker passes.
    const row = await settleGeneration(generation.id, { maxPasses: kind === "video" ? 4000 : 40 });
    expect(row.status).toBe("completed");
    return row;
  }

  function setRedirect(mode: "stream" | "presigned") {
    process.env.MEDIA_REDIRECT = mode;
    resetEnvCache();
  }

  it("stores results in the bucket (not on disk) and streams them to the owner only, with ranges", async () => {
    setRedirect("stream");
    const row = await generate();
    const media = row.media.find((m) => m.role === "output")!;
    expect(await keysInStore(`users/${alice.id}/`)).toEqual(expect.arrayContaining([media.storageKey, media.thumbKey]));
    expect(await studio.mediaFiles()).toEqual([]);

    const full = await MEDIA(await studio.request(alice, `/api/media/${media.id}`), ctx({ id: media.id }));
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe(media.mimeType);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(bytes.length).toBe(media.bytes);

    const part = await MEDIA(await studio.request(alice, `/api/media/${media.id}`, { headers: { range: "bytes=8-23" } }), ctx({ id: media.id }));
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 8-23/${media.bytes}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(8, 24))).toBe(true);

    const thumb = await MEDIA(await studio.request(alice, `/api/media/${media.id}?variant=thumb`), ctx({ id: media.id }));
    expect(thumb.headers.get("content-type")).toBe("image/webp");

    expect((await MEDIA(await studio.request(bob, `/api/media/${media.id}`), ctx({ id: media.id }))).status).toBe(404);
    expect((await MEDIA(await studio.request(null, `/api/media/${media.id}`), ctx({ id: media.id }))).status).toBe(401);
  });

  it("uploads a video in a stream and serves it with byte ranges for seeking", async () => {
    setRedirect("stream");
    const row = await generate("video");
    const video = row.media.find((m) => m.role === "output")!;
    expect(video.mimeType).toBe("video/mp4");
    const head = await MEDIA(await studio.request(alice, `/api/media/${video.id}`, { headers: { range: "bytes=0-7" } }), ctx({ id: video.id }));
    expect(head.status).toBe(206);
    expect(Buffer.from(await head.arrayBuffer()).subarray(4, 8).toString("latin1")).toBe("ftyp");
    expect((await mediaStore().statObject({ key: video.storageKey }))?.size).toBe(video.bytes);
  }, 120_000);

  it("with MEDIA_REDIRECT=presigned answers the owner with a 302 to a short-lived bucket URL", async () => {
    setRedirect("stream");
    const row = await generate();
    const media = row.media.find((m) => m.role === "output")!;
    const streamed = Buffer.from(await (await MEDIA(await studio.request(alice, `/api/media/${media.id}`), ctx({ id: media.id }))).arrayBuffer());

    setRedirect("presigned");
    try {
      const res = await MEDIA(await studio.request(alice, `/api/media/${media.id}?download=1`), ctx({ id: media.id }));
      expect(res.status).toBe(302);
      const location = res.headers.get("location")!;
      expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/`)).toBe(true);
      expect(location).toContain("X-Amz-Signature=");
      expect(location).not.toContain(studio.apiKey);

      const direct = await fetch(location);
      expect(direct.status).toBe(200);
      expect(direct.headers.get("content-disposition")).toMatch(/^attachment; filename="pixapi-/);
      expect(Buffer.from(await direct.arrayBuffer()).equals(streamed)).toBe(true);
      // The store answers Range itself, so video seeking works through the redirect.
      const ranged = await fetch(location, { headers: { range: "bytes=0-9" } });
      expect(ranged.status).toBe(206);
      expect(Buffer.from(await ranged.arrayBuffer()).equals(streamed.subarray(0, 10))).toBe(true);

      // Ownership is checked before any URL is signed.
      const other = await MEDIA(await studio.request(bob, `/api/media/${media.id}`), ctx({ id: media.id }));
      expect(other.status).toBe(404);
      expect(other.headers.get("location")).toBeNull();
    } finally {
      setRedirect("stream");
    }
  });

  it("deleting a generation deletes its objects from the bucket", async () => {
    const row = await generate();
    const keys = row.media.flatMap((m) => [m.storageKey, ...(m.thumbKey ? [m.thumbKey] : [])]);
    expect(await keysInStore(`users/${alice.id}/${row.id}/`)).toEqual([...keys].sort());
    const del = await DELETE(await studio.request(alice, `/api/generations/${row.id}`, { method: "DELETE" }), ctx({ id: row.id }));
    expect(del.status).toBe(204);
    expect(await keysInStore(`users/${alice.id}/${row.id}/`)).toEqual([]);
  });

  it("the orphan sweep removes objects without a media row once the grace period has passed", async () => {
    const row = await generate();
    const kept = row.media.flatMap((m) => [m.storageKey, ...(m.thumbKey ? [m.thumbKey] : [])]);
    const stray = `users/${alice.id}/gone${randomUUID().slice(0, 8)}/m1.png`;
    await putObject({ key: stray, body: Buffer.from("not a real png, and no row"), contentType: "image/png" });

    // Within the grace period (files are written before their row commits): nothing goes.
    const early = await sweepOrphanMedia({ graceMs: 60 * 60_000 });
    expect(early.deleted).toEqual([]);
    expect(await keysInStore(`users/${alice.id}/`)).toContain(stray);

    const later = await sweepOrphanMedia({ now: new Date(Date.now() + 2 * 60 * 60_000), graceMs: 60 * 60_000 });
    expect(later.deleted).toEqual([stray]);
    const left = await keysInStore(`users/${alice.id}/`);
    expect(left).not.toContain(stray);
    expect(left).toEqual(expect.arrayContaining(kept));
  });
});
