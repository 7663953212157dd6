/** The official OpenAI SDK, pointed at the emulator, must work as an OpenAI-compatible client. */
import OpenAI, { APIError, toFile } from "openai";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { download } from "./test-helpers";

let emu: TestEmulator;
let client: OpenAI;
beforeAll(async () => {
  emu = await startTestEmulator();
  client = new OpenAI({ apiKey: "sk_sdk_test", baseURL: emu.baseUrl, maxRetries: 0 });
});
afterAll(() => emu.close());

describe("openai SDK against the emulator", () => {
  it("images.generate returns URLs and b64_json", async () => {
    const byUrl = await client.images.generate({ model: "gpt-image-2", prompt: "A paper boat", size: "1024x1536", n: 2 });
    expect(byUrl.data).toHaveLength(2);
    const image = await download(byUrl.data![0]!.url!);
    expect(await sharp(image.bytes).metadata()).toMatchObject({ width: 1024, height: 1536 });

    const inline = await client.images.generate({ model: "nano-banana", prompt: "A paper boat", response_format: "b64_json" });
    expect((await sharp(Buffer.from(inline.data![0]!.b64_json!, "base64")).metadata()).format).toBe("png");
  });

  it("models.list pages through the canonical ids", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain("gpt-image-2");
    expect(ids).not.toContain("nano-banana");
  });

  it("images.edit with two files (sent as image[])", async () => {
    const a = await sharp({ create: { width: 256, height: 256, channels: 3, background: "#f00" } }).png().toBuffer();
    const b = await sharp({ create: { width: 256, height: 256, channels: 3, background: "#00f" } }).jpeg().toBuffer();
    const result = await client.images.edit({
      model: "gemini-3-pro-image-preview",
      prompt: "Combine both into one poster",
      image: [await toFile(a, "a.png", { type: "image/png" }), await toFile(b, "b.jpg", { type: "image/jpeg" })],
      size: "1024x1024",
    });
    const image = await download(result.data![0]!.url!);
    expect((await sharp(image.bytes).metadata()).width).toBe(1024);
    expect((await emu.control.stats()).routes["POST /v1/images/edits"]).toBe(1);
  });

  it("bad input surfaces as an APIError with the right status and type", async () => {
    const bad = client.images.generate({ model: "veo", prompt: "x" });
    await expect(bad).rejects.toBeInstanceOf(APIError);
    await expect(bad).rejects.toMatchObject({ status: 400, type: "invalid_request_error" });

    const restricted = await startTestEmulator({ keys: ["the-only-key"] });
    try {
      const wrongKey = new OpenAI({ apiKey: "sk_wrong", baseURL: restricted.baseUrl, maxRetries: 0 });
      await expect(wrongKey.models.list()).rejects.toMatchObject({ status: 401, type: "authentication_error" });
    } finally {
      await restricted.close();
    }

    await emu.control.setBalance("sk_sdk_test", 0);
    await expect(client.images.generate({ model: "gpt-image-2", prompt: "x" })).rejects.toMatchObject({ status: 402, type: "insufficient_credits" });
  });
});
