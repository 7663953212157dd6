import fsPromises, { mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { AppError } from "@/lib/errors";

import { createStore } from "./local-store";
import type { MediaStore } from "./types";

let dir: string;
let root: string;
let store: MediaStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pixapi-store-"));
  root = path.join(dir, "media");
  store = createStore({ root });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

/** Linux: how many of this process's descriptors point at `file`. */
async function openDescriptorsFor(file: string): Promise<number> {
  const fds = await readdir("/proc/self/fd");
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => "")));
  return targets.filter((t) => t === file).length;
}

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => i % 251));

describe("local media store", () => {
  it("puts, stats and reads back an object", async () => {
    const body = bytes(700_000); // several read chunks
    const info = await store.putObject({ key: "users/u1/g1/m1.png", body, contentType: "image/png" });
    expect(info).toMatchObject({ key: "users/u1/g1/m1.png", size: body.length, contentType: "image/png" });

    const stat = await store.statObject({ key: "users/u1/g1/m1.png" });
    expect(stat?.size).toBe(body.length);

    const opened = await store.openObject({ key: "users/u1/g1/m1.png" });
    expect(opened).toMatchObject({ size: body.length, contentType: "image/png", start: 0, end: body.length - 1 });
    expect((await readAll(opened.stream)).equals(body)).toBe(true);
    expect(await openDescriptorsFor(path.join(root, "users/u1/g1/m1.png"))).toBe(0);
  });

  it("accepts a Uint8Array body and a content type with parameters", async () => {
    await store.putObject({ key: "a/b.webm", body: new Uint8Array([1, 2, 3]), contentType: "video/webm; codecs=vp9" });
    expect(await readFile(path.join(root, "a/b.webm"))).toEqual(Buffer.from([1, 2, 3]));
  });

  it("refuses a content type that contradicts the key", async () => {
    await expect(store.putObject({ key: "a/b.png", body: bytes(3), contentType: "text/html" })).rejects.toThrow(
      /does not match/,
    );
  });

  it("serves byte ranges for seeking", async () => {
    const body = bytes(1000);
    await store.putObject({ key: "v/clip.mp4", body, contentType: "video/mp4" });

    const middle = await store.openObject({ key: "v/clip.mp4", range: { start: 100, end: 199 } });
    expect(middle).toMatchObject({ start: 100, end: 199, size: 1000 });
    expect((await readAll(middle.stream)).equals(body.subarray(100, 200))).toBe(true);

    const open = await store.openObject({ key: "v/clip.mp4", range: { start: 990 } });
    expect((await readAll(open.stream)).equals(body.subarray(990))).toBe(true);

    const suffix = await store.openObject({ key: "v/clip.mp4", range: { suffix: 10 } });
    expect(suffix).toMatchObject({ start: 990, end: 999 });
    expect((await readAll(suffix.stream)).equals(body.subarray(990))).toBe(true);

    await expect(store.openObject({ key: "v/clip.mp4", range: { start: 1000 } })).rejects.toMatchObject({
      status: 416,
    });
  });

  it("reads an empty object as an empty stream", async () => {
    await store.putObject({ key: "e/empty.png", body: Buffer.alloc(0), contentType: "image/png" });
    const opened = await store.openObject({ key: "e/empty.png" });
    expect(opened).toMatchObject({ size: 0, start: 0, end: -1 });
    expect((await readAll(opened.stream)).length).toBe(0);
  });

  it("closes the file when a reader cancels part-way", async () => {
    await store.putObject({ key: "c/big.mp4", body: bytes(1_000_000), contentType: "video/mp4" });
    const file = path.join(root, "c/big.mp4");
    const opened = await store.openObject({ key: "c/big.mp4" });
    expect(await openDescriptorsFor(file)).toBe(1);
    const reader = opened.stream.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    await reader.cancel();
    expect(await openDescriptorsFor(file)).toBe(0);
  });

  it("overwrites atomically and leaves no temp files", async () => {
    await store.putObject({ key: "u/g/m.png", body: bytes(10), contentType: "image/png" });
    await store.putObject({ key: "u/g/m.png", body: Buffer.from("second"), contentType: "image/png" });
    expect((await readFile(path.join(root, "u/g/m.png"))).toString()).toBe("second");
    expect(await readdir(path.join(root, "u/g"))).toEqual(["m.png"]);
  });

  it("never leaves a half-written file under the final key when a write fails", async () => {
    await store.putObject({ key: "u/g/m.png", body: Buffer.from("old"), contentType: "image/png" });
    // Stand-in for a crash mid-write: half the bytes reach the temp file, then the write fails.
    const realWriteFile = fsPromises.writeFile;
    const spy = vi.spyOn(fsPromises, "writeFile").mockImplementation(async (file, data) => {
      await realWriteFile(file, Buffer.from(data as Uint8Array).subarray(0, 4));
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    await expect(store.putObject({ key: "u/g/m.png", body: bytes(100), contentType: "image/png" })).rejects.toThrow(
      /ENOSPC/,
    );
    await expect(store.putObject({ key: "u/g/new.png", body: bytes(100), contentType: "image/png" })).rejects.toThrow(
      /ENOSPC/,
    );
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();

    expect((await readFile(path.join(root, "u/g/m.png"))).toString()).toBe("old");
    expect(await store.statObject({ key: "u/g/new.png" })).toBeNull();
    expect(await readdir(path.join(root, "u/g"))).toEqual(["m.png"]);
  });

  it("moves a file in, or copies it leaving the source", async () => {
    const moved = path.join(dir, "moved.mp4");
    await writeFile(moved, "video-bytes");
    await store.putObjectFromFile({ key: "u/g/a.mp4", path: moved, contentType: "video/mp4" });
    expect((await readFile(path.join(root, "u/g/a.mp4"))).toString()).toBe("video-bytes");
    await expect(readFile(moved)).rejects.toMatchObject({ code: "ENOENT" });

    const copied = path.join(dir, "copied.webp");
    await writeFile(copied, "poster");
    const info = await store.putObjectFromFile({ key: "u/g/a.webp", path: copied, contentType: "image/webp", mode: "copy" });
    expect(info.size).toBe(6);
    expect((await readFile(copied)).toString()).toBe("poster");
    expect(await readdir(path.join(root, "u/g"))).toEqual(["a.mp4", "a.webp"]);
  });

  it("falls back to copy-then-rename when moving across filesystems", async () => {
    const source = path.join(dir, "other-fs.mp4");
    await writeFile(source, "from another disk");
    const realRename = fsPromises.rename;
    const spy = vi.spyOn(fsPromises, "rename").mockImplementationOnce(async () => {
      throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
    });
    await store.putObjectFromFile({ key: "x/moved.mp4", path: source, contentType: "video/mp4" });
    expect(spy).toHaveBeenCalledTimes(2); // the failed direct move, then temp → final
    expect(spy.mock.calls[1]?.[1]).toBe(path.join(root, "x/moved.mp4"));
    spy.mockRestore();
    expect(fsPromises.rename).toBe(realRename);
    expect((await readFile(path.join(root, "x/moved.mp4"))).toString()).toBe("from another disk");
    await expect(readFile(source)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readdir(path.join(root, "x"))).toEqual(["moved.mp4"]);
  });

  it("refuses to move a symlink into the store", async () => {
    const link = path.join(dir, "link.png");
    await symlink("/etc/passwd", link);
    await expect(store.putObjectFromFile({ key: "u/l.png", path: link, contentType: "image/png" })).rejects.toThrow(
      /not a regular file/,
    );
  });

  it("deletes objects and ignores missing ones", async () => {
    await store.putObject({ key: "d/1.png", body: bytes(1), contentType: "image/png" });
    await store.putObject({ key: "d/2.png", body: bytes(1), contentType: "image/png" });
    await store.deleteObjects({ keys: ["d/1.png", "d/2.png", "d/never.png", "nowhere/x.png"] });
    expect(await store.statObject({ key: "d/1.png" })).toBeNull();
    expect(await store.statObject({ key: "d/2.png" })).toBeNull();
  });

  it("deletes nothing when any key in the batch is invalid", async () => {
    await store.putObject({ key: "d/keep.png", body: bytes(1), contentType: "image/png" });
    await expect(store.deleteObjects({ keys: ["d/keep.png", "../escape.png"] })).rejects.toBeInstanceOf(AppError);
    expect(await store.statObject({ key: "d/keep.png" })).not.toBeNull();
  });

  it("returns 404 for a missing object and null from stat", async () => {
    await expect(store.openObject({ key: "no/such.png" })).rejects.toMatchObject({ status: 404, type: "not_found_error" });
    expect(await store.statObject({ key: "no/such.png" })).toBeNull();
  });

  it("rejects keys that would escape the media directory", async () => {
    const secret = path.join(dir, "secret.png");
    await writeFile(secret, "outside");
    for (const key of ["../secret.png", "/etc/passwd.png", "a/../../secret.png", "..%2fsecret.png"]) {
      await expect(store.openObject({ key })).rejects.toMatchObject({ status: 400 });
      await expect(store.statObject({ key })).rejects.toMatchObject({ status: 400 });
      await expect(store.putObject({ key, body: bytes(1), contentType: "image/png" })).rejects.toMatchObject({
        status: 400,
      });
    }
    expect((await readFile(secret)).toString()).toBe("outside");
  });

  it("does not follow a symlink planted under a key", async () => {
    await store.putObject({ key: "s/real.png", body: bytes(1), contentType: "image/png" });
    await symlink("/etc/passwd", path.join(root, "s/evil.png"));
    await expect(store.openObject({ key: "s/evil.png" })).rejects.toMatchObject({ status: 404 });
    expect(await store.statObject({ key: "s/evil.png" })).toBeNull();
  });
});
