import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateCredits } from "../lib/catalog";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { GEN, api, download } from "./test-helpers";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

type ImagesBody = { created: number; data: { url?: string; b64_json?: string }[] };

describe("POST /v1/images/generations", () => {
  it("answers the documented shape with a downloadable PNG of the requested size", async () => {
    const { status, body } = await api<ImagesBody>(emu, "POST", "/v1/images/generations", { json: GEN });
    expect(status).toBe(200);
    expect(body.created).toBeTypeOf("number");
    expect(body.data).toHaveLength(1);
    const url = body.data[0]!.url!;
    expect(url).toMatch(new RegExp(`^${emu.url}/files/[A-Za-z0-9_-]{20,}\\.png$`));
    const file = await download(url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(file.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1024, 1024]);
  });

  it("returns b64_json instead of url when asked, n images, in other sizes and formats", async () => {
    const { status, body } = await api<ImagesBody>(emu, "POST", "/v1/images/generations", {
      json: { ...GEN, n: 2, size: "1536x1024", response_format: "b64_json", output_format: "webp" },
    });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(2);
    for (const item of body.data) {
      expect(item.url).toBeUndefined();
      const meta = await sharp(Buffer.from(item.b64_json!, "base64")).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", 1536, 1024]);
    }
    // The n images of one request differ from each other.
    expect(body.data[0]!.b64_json).not.toBe(body.data[1]!.b64_json);
  });

  it("renders `auto` as 1024x1024 and portrait sizes as asked", async () => {
    for (const [size, w, h] of [["auto", 1024, 1024], ["1024x1536", 1024, 1536]] as const) {
      const { body } = await api<ImagesBody>(emu, "POST", "/v1/images/generations", { json: { ...GEN, size, response_format: "b64_json" } });
      const meta = await sharp(Buffer.from(body.data[0]!.b64_json!, "base64")).metadata();
      expect([meta.width, meta.height]).toEqual([w, h]);
    }
  });

  it("is deterministic: same request → same bytes; different prompt → different bytes", async () => {
    const get = async (prompt: string) => {
      const { body } = await api<ImagesBody>(emu, "POST", "/v1/images/generations", { json: { ...GEN, prompt, response_format: "b64_json" } });
      return body.data[0]!.b64_json!;
    };
    const a1 = await get("a red fox in snow");
    const a2 = await get("a red fox in snow");
    const b = await get("a lighthouse at night");
    expect(a1).toBe(a2);
    expect(b).not.toBe(a1);
    // Visibly different, not just a byte or two: compare mean colours.
    const mean = async (b64: string) => (await sharp(Buffer.from(b64, "base64")).stats()).channels.slice(0, 3).map((c) => c.mean);
    const [ma, mb] = [await mean(a1), await mean(b)];
    const distance = Math.hypot(...ma.map((v, i) => v - mb[i]!));
    expect(distance).toBeGreaterThan(5);
  });

  it("accepts aliases and echoes the model as requested, billing the canonical price", async () => {
    const key = "alias-key";
    const before = await emu.control.getBalance(key);
    const { status } = await api(emu, "POST", "/v1/images/generations", { key, json: { ...GEN, model: "nano-banana-pro", quality: "high" } });
    expect(status).toBe(200);
    const after = await emu.control.getBalance(key);
    const expected = estimateCredits({ kind: "image", model: "gemini-3-pro-image-preview", size: "1024x1024", quality: "high", n: 1 });
    expect(expected).toBe(6);
    expect(before.balance - after.balance).toBe(expected);
  });

  it("debits each sync result by the price table", async () => {
    const key = "debit-key";
    await emu.control.setBalance(key, 100);
    await api(emu, "POST", "/v1/images/generations", { key, json: { ...GEN, model: "gpt-image-2", n: 3, size: "2048x2048", quality: "low" } });
    // gpt-image-2: 2 × 2K tier (×2) × low (×0.5) × 3 images = 6
    expect((await emu.control.getBalance(key)).balance).toBe(94);
    expect((await emu.control.getBalance(key)).reserved).toBe(0);
  });
});

describe("GET /v1/models", () => {
  it("lists the canonical ids with category and capabilities, no aliases", async () => {
    const { status, body } = await api<{ object: string; data: { id: string; object: string; category: string; capabilities: string[] }[] }>(
      emu,
      "GET",
      "/v1/models",
    );
    expect(status).toBe(200);
    expect(body.object).toBe("list");
    const byId = Object.fromEntries(body.data.map((m) => [m.id, m]));
    expect(Object.keys(byId).sort()).toEqual(
      ["gemini-2.5-flash-image", "gemini-3.1-flash-image-preview", "gemini-3-pro-image-preview", "gpt-image-2", "veo", "wan", "sora-2"].sort(),
    );
    expect(byId["gpt-image-2"]).toEqual({ id: "gpt-image-2", object: "model", category: "image", capabilities: ["text-to-image", "image-to-image"] });
    expect(byId.veo!.category).toBe("video");
    expect(byId.veo!.capabilities).toContain("image-to-video");
  });
});
