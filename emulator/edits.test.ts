import zlib from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { api } from "./test-helpers";

let emu: TestEmulator;
let tight: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  tight = await startTestEmulator({ maxUploadBytes: 64 * 1024, maxUploads: 2, maxJsonBytes: 2048, maxMultipartBytes: 512 * 1024, maxInputPixels: 1_000_000 });
});
afterAll(async () => {
  await emu.close();
  await tight.close();
});

type ImagesBody = { data: { url?: string; b64_json?: string }[] };
type Envelope = { error: { code: number; type: string; message: string } };

const solid = (colour: string, width = 320, height = 240) => sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
const blob = (bytes: Buffer, type = "image/png") => new Blob([new Uint8Array(bytes)], { type });

function editForm(files: { field?: string; bytes: Buffer; name?: string; type?: string }[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append("model", fields.model ?? "gemini-3-pro-image-preview");
  form.append("prompt", fields.prompt ?? "Place the product on a warm studio background");
  for (const [k, v] of Object.entries(fields)) if (k !== "model" && k !== "prompt") form.append(k, v);
  for (const f of files) form.append(f.field ?? "image", blob(f.bytes, f.type), f.name ?? "product.png");
  return form;
}

async function meanRgb(bytes: Buffer, region?: { left: number; top: number; width: number; height: number }): Promise<number[]> {
  // stats() reads the input, not the pipeline, so crop to a buffer first.
  const image = region ? await sharp(bytes).extract(region).png().toBuffer() : bytes;
  return (await sharp(image).stats()).channels.slice(0, 3).map((c) => c.mean);
}

/**
 * A PNG whose header claims 30000×30000 (900 MP) but whose data is a few bytes: the
 * classic decompression bomb. Valid signature and IHDR CRC so only the pixel limit can
 * reject it.
 */
function bombPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30000, 0);
  ihdr.writeUInt32BE(30000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(30000 * 3 + 1))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("POST /v1/images/edits", () => {
  it("returns an image of the requested size visibly derived from the upload", async () => {
    const red = await solid("#d02020");
    const { status, body } = await api<ImagesBody>(emu, "POST", "/v1/images/edits", {
      form: editForm([{ bytes: red }], { size: "1024x1024", response_format: "b64_json" }),
    });
    expect(status).toBe(200);
    const out = Buffer.from(body.data[0]!.b64_json!, "base64");
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1024, 1024]);
    // Above the caption band the output keeps the input's colour, lightly tinted.
    const [r, g, b] = await meanRgb(out, { left: 100, top: 100, width: 824, height: 500 });
    expect(r!).toBeGreaterThan(g! + 60);
    expect(r!).toBeGreaterThan(b! + 60);
  });

  it("composes several uploads (image[] as OpenAI clients send them)", async () => {
    const [red, blue] = [await solid("#e01010"), await solid("#1010e0")];
    const { status, body } = await api<ImagesBody>(emu, "POST", "/v1/images/edits", {
      form: editForm([{ field: "image[]", bytes: red }, { field: "image[]", bytes: blue }], { size: "1024x1024", response_format: "b64_json" }),
    });
    expect(status).toBe(200);
    const out = Buffer.from(body.data[0]!.b64_json!, "base64");
    const left = await meanRgb(out, { left: 100, top: 100, width: 300, height: 400 });
    const right = await meanRgb(out, { left: 624, top: 100, width: 300, height: 400 });
    expect(left[0]!).toBeGreaterThan(left[2]! + 60);
    expect(right[2]!).toBeGreaterThan(right[0]! + 60);
  });

  it("different uploads give different results; the same upload the same bytes", async () => {
    const run = async (bytes: Buffer) =>
      (await api<ImagesBody>(emu, "POST", "/v1/images/edits", { form: editForm([{ bytes }], { response_format: "b64_json" }) })).body.data[0]!.b64_json;
    const green = await solid("#10c010");
    expect(await run(green)).toBe(await run(green));
    expect(await run(await solid("#c0c010"))).not.toBe(await run(green));
  });

  it("accepts JPEG and WebP by content, whatever the file is called", async () => {
    const jpeg = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#888" } }).jpeg().toBuffer();
    const webp = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#888" } }).webp().toBuffer();
    for (const bytes of [jpeg, webp]) {
      const result = await api(emu, "POST", "/v1/images/edits", { form: editForm([{ bytes, name: "photo.gif", type: "application/octet-stream" }]) });
      expect(result.status).toBe(200);
    }
  });

  it("rejects a missing upload, a non-image (by magic bytes, not name), and an image sent as text", async () => {
    const missing = await api<Envelope>(emu, "POST", "/v1/images/edits", { form: editForm([]) });
    expect([missing.status, missing.body.error.type]).toEqual([400, "invalid_request_error"]);
    expect(missing.body.error.message).toMatch(/'image' is required/);

    const fake = await api<Envelope>(emu, "POST", "/v1/images/edits", { form: editForm([{ bytes: Buffer.from("not really a png"), name: "x.png", type: "image/png" }]) });
    expect([fake.status, fake.body.error.type]).toEqual([400, "invalid_request_error"]);
    expect(fake.body.error.message).toMatch(/not a PNG, JPEG or WebP/);

    const text = editForm([]);
    text.append("image", "https://example.com/a.png");
    const asText = await api<Envelope>(emu, "POST", "/v1/images/edits", { form: text });
    expect(asText.status).toBe(400);
  });

  it("rejects a truncated image that passes the header check", async () => {
    const good = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#345" } }).jpeg().toBuffer();
    const truncated = good.subarray(0, Math.floor(good.length / 3));
    const result = await api<Envelope>(emu, "POST", "/v1/images/edits", { form: editForm([{ bytes: truncated }]) });
    expect(result.status).toBe(400);
    expect(result.body.error.type).toBe("invalid_request_error");
  });

  it("validates the same fields as generations (model capability, n, size)", async () => {
    const img = await solid("#fff");
    const bad: Record<string, string>[] = [{ model: "wan" }, { n: "7" }, { size: "100x100" }, { quality: "best" }];
    for (const fields of bad) {
      const result = await api<Envelope>(emu, "POST", "/v1/images/edits", { form: editForm([{ bytes: img }], fields) });
      expect([result.status, result.body.error.type]).toEqual([400, "invalid_request_error"]);
    }
  });

  it("a JSON body is refused: edits are multipart", async () => {
    const result = await api<Envelope>(emu, "POST", "/v1/images/edits", { json: { model: "gpt-image-2", prompt: "x" } });
    expect(result.status).toBe(400);
    expect(result.body.error.message).toMatch(/multipart/);
  });
});

describe("limits answer 413 in the envelope", () => {
  const expect413 = (result: { status: number; body: Envelope }, message: RegExp) => {
    expect(result.status).toBe(413);
    expect(result.body.error).toMatchObject({ code: 413, type: "invalid_request_error" });
    expect(result.body.error.message).toMatch(message);
  };

  it("rejects a decompression bomb from its header, before decoding", async () => {
    expect413(await api<Envelope>(emu, "POST", "/v1/images/edits", { form: editForm([{ bytes: bombPng() }]) }), /30000x30000/);
  });

  it("rejects too many pixels, too many files, too large a file, too large a body", async () => {
    const big = await sharp({ create: { width: 1200, height: 1000, channels: 3, background: "#123" } }).png().toBuffer();
    expect413(await api<Envelope>(tight, "POST", "/v1/images/edits", { form: editForm([{ bytes: big }]) }), /pixels/);

    const small = await solid("#abc", 64, 64);
    expect413(await api<Envelope>(tight, "POST", "/v1/images/edits", { form: editForm([{ bytes: small }, { bytes: small }, { bytes: small }]) }), /At most 2 images/);

    const noisy = await sharp(Buffer.from(Array.from({ length: 300 * 300 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 300, height: 300, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect413(await api<Envelope>(tight, "POST", "/v1/images/edits", { form: editForm([{ bytes: noisy }]) }), /file limit|byte limit/);

    expect413(await api<Envelope>(tight, "POST", "/v1/images/generations", { json: { model: "gpt-image-2", prompt: "x".repeat(4000) } }), /limit/);
  });

  it("keeps serving after refusing a body mid-upload", async () => {
    expect((await api(tight, "GET", "/v1/models")).status).toBe(200);
  });
});
