/**
 * Multipart uploads are read as a stream with their limits enforced while the bytes arrive
 * (lib/http/multipart.ts): a 30 MB image is refused with a 413 once it passes the 20 MB
 * per-file limit, without the rest being pulled, whether or not the client declared its
 * size, and nothing is written. The body here is a ReadableStream that counts the bytes
 * the route pulls from it.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as CREATE } from "@/app/api/generations/route";
import { POST as V1_EDIT } from "@/app/v1/images/edits/route";
import { POST as V1_ASYNC_EDIT } from "@/app/v1/async/images/edits/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/generation";
import { createApiToken } from "../support/api-tokens";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioWithTwoUsers, type StudioHarness } from "../support/studio";

const MB = 1024 * 1024;
const FILE_BYTES = 30 * MB;
const BOUNDARY = "----studio-upload-streaming-test";
const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A multipart body with text fields and one `image` file of `fileBytes`, made as it is pulled. */
function countedUpload(fields: Record<string, string>, fileBytes: number) {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    Object.entries(fields)
      .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + `--${BOUNDARY}\r\nContent-Disposition: form-data; name="image"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  const chunk = new Uint8Array(256 * 1024);
  let pulled = 0;
  let fileSent = 0;
  let stage: "head" | "file" | "tail" | "done" = "head";
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let next: Uint8Array;
      if (stage === "head") {
        next = new Uint8Array([...head, ...PNG_SIGNATURE]);
        fileSent = PNG_SIGNATURE.length;
        stage = "file";
      } else if (stage === "file") {
        next = chunk.subarray(0, Math.min(chunk.length, fileBytes - fileSent));
        fileSent += next.length;
        if (fileSent >= fileBytes) stage = "tail";
      } else if (stage === "tail") {
        next = tail;
        stage = "done";
      } else {
        controller.close();
        return;
      }
      pulled += next.length;
      controller.enqueue(next);
    },
  });
  return { body, pulled: () => pulled, length: head.length + fileBytes + tail.length };
}

forEachDatabase("uploads are refused while streaming, not after buffering", (getDb) => {
  let studio: StudioHarness, alice: PublicUser, bob: PublicUser;
  let token = "";
  beforeAll(async () => {
    ({ studio, alice, bob } = await startStudioWithTwoUsers());
    token = (await createApiToken(studio, alice, { name: "uploads" })).token;
  });
  afterAll(() => studio.close());

  const editFields = { kind: "edit", model: "gpt-image-2", prompt: "too big to take", n: "1", size: "1024x1024" };
  const v1Fields = { model: "gpt-image-2", prompt: "too big to take", n: "1", size: "1024x1024" };

  type Door = { name: string; send: (body: ReadableStream<Uint8Array>, headers: Record<string, string>) => Promise<Response>; fields: Record<string, string> };
  const doors: Door[] = [
    {
      name: "POST /api/generations (edit)",
      fields: editFields,
      send: async (body, headers) => CREATE(await streamedRequest("/api/generations", body, { ...headers, cookie: (await studio.request(alice, "/")).headers.get("cookie") ?? "" }), ctx()),
    },
    { name: "POST /v1/images/edits", fields: v1Fields, send: async (body, headers) => V1_EDIT(await streamedRequest("/v1/images/edits", body, { ...headers, authorization: `Bearer ${token}` }), ctx()) },
    { name: "POST /v1/async/images/edits", fields: v1Fields, send: async (body, headers) => V1_ASYNC_EDIT(await streamedRequest("/v1/async/images/edits", body, { ...headers, authorization: `Bearer ${token}` }), ctx()) },
  ];

  async function streamedRequest(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<Request> {
    const init: RequestInit & { duplex: "half" } = { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers }, body, duplex: "half" };
    return new Request(`http://localhost:3999${path}`, init);
  }

  for (const door of doors) {
    it.each([
      ["with its size declared", true],
      ["sent chunked, with no Content-Length", false],
    ] as const)(`${door.name}: a 30 MB image %s is a 413 after about 20 MB were pulled, and nothing is written`, async (_, declare) => {
      const upload = countedUpload(door.fields, FILE_BYTES);
      const res = await door.send(upload.body, declare ? { "content-length": String(upload.length) } : {});
      expect(res.status).toBe(413);
      const body = (await res.json()) as { error: { type: string; message: string } };
      expect(body.error.message).toMatch(/larger than the limit of 20/);
      // Stopped at the per-file limit: the 30 MB were never read, let alone held.
      expect(upload.pulled()).toBeGreaterThan(MAX_UPLOAD_BYTES);
      expect(upload.pulled()).toBeLessThan(MAX_UPLOAD_BYTES + 2 * MB);
      expect(upload.pulled()).toBeLessThan(FILE_BYTES);

      expect(await getDb().prisma.generation.count({ where: { userId: { in: [alice.id, bob.id] } } })).toBe(0);
      expect(await studio.mediaFiles()).toEqual([]);
    });
  }

  it("an upload that fits is still read whole (the limit is the file's, not a guess)", async () => {
    const upload = countedUpload({ ...editFields, prompt: "small but not an image" }, 2 * MB);
    const res = await doors[0]!.send(upload.body, {});
    // Read to the end, then refused by content (a PNG signature followed by zeros cannot be decoded), not by size.
    expect(upload.pulled()).toBe(upload.length);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
    expect(await getDb().prisma.generation.count({ where: { userId: alice.id } })).toBe(0);
  });
});
