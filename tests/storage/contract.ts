import { mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import type { MediaStore } from "@/lib/storage";

/**
 * The MediaStore contract: every store (local directory, S3-compatible bucket) runs these
 * same cases, so code above lib/storage can rely on one behaviour whichever is configured.
 * `open` gives a fresh, empty store per test; `fetchSigned` says whether signed URLs exist.
 */
export interface StoreUnderTest {
  store: MediaStore;
  close: () => Promise<void>;
}

const bytes = (n: number, seed = 0) => Buffer.from(Array.from({ length: n }, (_, i) => (i + seed) % 251));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function collect(iterable: AsyncIterable<{ key: string }>): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of iterable) keys.push(item.key);
  return keys.sort();
}

export function mediaStoreContract(name: string, open: () => Promise<StoreUnderTest>, { signsUrls }: { signsUrls: boolean }): void {
  describe(`MediaStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: MediaStore;
    let scratch: string;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
      scratch = await mkdtemp(path.join(os.tmpdir(), "pixapi-contract-"));
    });
    afterEach(async () => {
      await subject.close();
      await rm(scratch, { recursive: true, force: true });
    });

    it("puts, stats and reads an object back byte for byte", async () => {
      const body = bytes(700_000); // more than one read chunk
      const info = await store.putObject({ key: "users/u1/g1/m1.png", body, contentType: "image/png" });
      expect(info).toMatchObject({ key: "users/u1/g1/m1.png", size: body.length, contentType: "image/png" });

      const statted = await store.statObject({ key: "users/u1/g1/m1.png" });
      expect(statted).toMatchObject({ key: "users/u1/g1/m1.png", size: body.length, contentType: "image/png" });
      expect(statted?.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

      const opened = await store.openObject({ key: "users/u1/g1/m1.png" });
      expect(opened).toMatchObject({ size: body.length, contentType: "image/png", start: 0, end: body.length - 1 });
      expect((await readAll(opened.stream)).equals(body)).toBe(true);
    });

    it("stores an empty object and a Uint8Array body", async () => {
      await store.putObject({ key: "a/empty.webp", body: Buffer.alloc(0), contentType: "image/webp" });
      const empty = await store.openObject({ key: "a/empty.webp" });
      expect(empty).toMatchObject({ size: 0, start: 0, end: -1 });
      expect((await readAll(empty.stream)).length).toBe(0);

      await store.putObject({ key: "a/b.webm", body: new Uint8Array([1, 2, 3]), contentType: "video/webm; codecs=vp9" });
      expect(await readAll((await store.openObject({ key: "a/b.webm" })).stream)).toEqual(Buffer.from([1, 2, 3]));
    });

    it("serves byte ranges: closed, open-ended and suffix; 416 past the end", async () => {
      const body = bytes(1000);
      await store.putObject({ key: "v/clip.mp4", body, contentType: "video/mp4" });

      const middle = await store.openObject({ key: "v/clip.mp4", range: { start: 100, end: 199 } });
      expect(middle).toMatchObject({ start: 100, end: 199, size: 1000, contentType: "video/mp4" });
      expect((await readAll(middle.stream)).equals(body.subarray(100, 200))).toBe(true);

      const tail = await store.openObject({ key: "v/clip.mp4", range: { start: 990 } });
      expect(tail).toMatchObject({ start: 990, end: 999 });
      expect((await readAll(tail.stream)).equals(body.subarray(990))).toBe(true);

      const suffix = await store.openObject({ key: "v/clip.mp4", range: { suffix: 10 } });
      expect(suffix).toMatchObject({ start: 990, end: 999 });
      expect((await readAll(suffix.stream)).equals(body.subarray(990))).toBe(true);

      const clipped = await store.openObject({ key: "v/clip.mp4", range: { start: 900, end: 5000 } });
      expect(clipped).toMatchObject({ start: 900, end: 999 });

      const error = await appErrorOf(store.openObject({ key: "v/clip.mp4", range: { start: 1000 } }));
      expect(error.status).toBe(416);
    });

    it("answers 404 for a missing key and null from stat", async () => {
      expect(await store.statObject({ key: "users/nobody/g/m.png" })).toBeNull();
      const error = await appErrorOf(store.openObject({ key: "users/nobody/g/m.png" }));
      expect(error.status).toBe(404);
    });

    it("refuses bad keys before touching anything, and a content type that contradicts the key", async () => {
      for (const key of ["../escape.png", "/abs.png", "a/../../b.png", "a\\b.png", ".hidden.png", "a/b.exe", "a//b.png"]) {
        await expect(store.putObject({ key, body: bytes(3), contentType: "image/png" }), key).rejects.toThrow();
        await expect(store.statObject({ key }), key).rejects.toThrow();
      }
      await expect(store.putObject({ key: "a/b.png", body: bytes(3), contentType: "text/html" })).rejects.toThrow(/does not match/);
      expect(await store.statObject({ key: "a/b.png" })).toBeNull();
    });

    it("moves or copies a file from disk into the store", async () => {
      const body = bytes(300_000, 7);
      const moved = path.join(scratch, "moved.mp4");
      await writeFile(moved, body);
      const info = await store.putObjectFromFile({ key: "v/moved.mp4", path: moved, contentType: "video/mp4" });
      expect(info).toMatchObject({ key: "v/moved.mp4", size: body.length, contentType: "video/mp4" });
      await expect(stat(moved)).rejects.toThrow(/ENOENT/);
      expect((await readAll((await store.openObject({ key: "v/moved.mp4" })).stream)).equals(body)).toBe(true);

      const copied = path.join(scratch, "copied.png");
      await writeFile(copied, body);
      await store.putObjectFromFile({ key: "v/copied.png", path: copied, contentType: "image/png", mode: "copy" });
      expect((await stat(copied)).size).toBe(body.length);
      expect((await store.statObject({ key: "v/copied.png" }))?.size).toBe(body.length);
    });

    it("never follows a symlink put into the store", async () => {
      const target = path.join(scratch, "secret.png");
      await writeFile(target, bytes(10));
      const link = path.join(scratch, "link.png");
      await symlink(target, link);
      await expect(store.putObjectFromFile({ key: "v/link.png", path: link, contentType: "image/png" })).rejects.toThrow(/not a regular file/);
      expect(await store.statObject({ key: "v/link.png" })).toBeNull();
    });

    it("deletes objects in one batch, ignoring missing keys; a bad key deletes nothing", async () => {
      await store.putObject({ key: "d/one.png", body: bytes(5), contentType: "image/png" });
      await store.putObject({ key: "d/two.png", body: bytes(5), contentType: "image/png" });
      await expect(store.deleteObjects({ keys: ["d/one.png", "../x.png"] })).rejects.toThrow();
      expect(await store.statObject({ key: "d/one.png" })).not.toBeNull();

      await store.deleteObjects({ keys: ["d/one.png", "d/two.png", "d/never.png"] });
      expect(await store.statObject({ key: "d/one.png" })).toBeNull();
      expect(await store.statObject({ key: "d/two.png" })).toBeNull();
      await store.deleteObjects({ keys: [] });
    });

    it("lists objects under a prefix, with size and time", async () => {
      await store.putObject({ key: "users/u1/g1/a.png", body: bytes(4), contentType: "image/png" });
      await store.putObject({ key: "users/u1/g2/b.webp", body: bytes(6), contentType: "image/webp" });
      await store.putObject({ key: "users/u2/g3/c.mp4", body: bytes(8), contentType: "video/mp4" });
      await store.putObject({ key: "other/d.png", body: bytes(1), contentType: "image/png" });

      expect(await collect(store.listObjects({ prefix: "users/" }))).toEqual(["users/u1/g1/a.png", "users/u1/g2/b.webp", "users/u2/g3/c.mp4"]);
      expect(await collect(store.listObjects({ prefix: "users/u1/" }))).toEqual(["users/u1/g1/a.png", "users/u1/g2/b.webp"]);
      expect(await collect(store.listObjects({ prefix: "nothing/" }))).toEqual([]);
      const all: { key: string; size: number; contentType: string; modifiedAt: Date }[] = [];
      for await (const item of store.listObjects({ prefix: "" })) all.push(item);
      expect(all.find((i) => i.key === "users/u2/g3/c.mp4")).toMatchObject({ size: 8, contentType: "video/mp4" });
      expect(all).toHaveLength(4);
    });

    it("lets a reader stop part-way without breaking later reads", async () => {
      const body = bytes(2_000_000);
      await store.putObject({ key: "v/big.mp4", body, contentType: "video/mp4" });
      const opened = await store.openObject({ key: "v/big.mp4" });
      const reader = opened.stream.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      await reader.cancel();
      const again = await store.openObject({ key: "v/big.mp4", range: { start: 1_999_990 } });
      expect((await readAll(again.stream)).equals(body.subarray(1_999_990))).toBe(true);
    });

    it(signsUrls ? "signs a short-lived GET URL that serves the object with the asked headers" : "has no signed URLs", async () => {
      const body = bytes(2048, 3);
      await store.putObject({ key: "users/u1/g1/s.png", body, contentType: "image/png" });
      const url = await store.signedGetUrl({
        key: "users/u1/g1/s.png",
        expiresInSeconds: 60,
        contentDisposition: 'attachment; filename="pixapi-s.png"',
      });
      if (!signsUrls) {
        expect(url).toBeNull();
        return;
      }
      expect(url).toMatch(/X-Amz-Expires=120/);
      // Stable within its window, so a browser can cache the object behind it.
      expect(await store.signedGetUrl({ key: "users/u1/g1/s.png", expiresInSeconds: 60, contentDisposition: 'attachment; filename="pixapi-s.png"' })).toBe(url);
      const res = await fetch(url as string);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="pixapi-s.png"');
      expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
      // (s3rver checks the access key but not V4 signatures, so forgery is not tested here.)
      expect(url).toContain(`X-Amz-Credential=`);
      expect(url).toContain("X-Amz-Signature=");
    });
  });
}
