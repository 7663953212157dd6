/**
 * The official openai SDK against both places that speak Pixapi's API (tests/contract/targets.ts):
 * the emulator with a Pixapi key, and the studio's /v1 with a personal token. It must work as a
 * drop-in OpenAI-compatible client on both; on the studio, so must the snippets the API tokens
 * page shows, run as shown.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import OpenAI, { APIError, toFile } from "openai";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { snippet, TOKEN_ENV } from "@/components/tokens/snippets";
import { startTarget, TARGETS, type ContractTarget } from "./targets";

const run = promisify(execFile);

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe.each(TARGETS)("openai SDK against the %s", (name) => {
  let target: ContractTarget;
  let client: OpenAI;

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(() => target?.close());
  beforeEach(async () => {
    await target.reset();
    client = new OpenAI({ apiKey: target.apiKey, baseURL: target.baseUrl, maxRetries: 0 });
  });

  it("images.generate returns URLs and b64_json", async () => {
    const byUrl = await client.images.generate({ model: "gpt-image-2", prompt: "A paper boat", size: "1024x1536", n: 2, quality: "low" });
    expect(byUrl.data).toHaveLength(2);
    // The studio hands out links to its own copy, never the upstream's.
    if (name === "studio") expect(byUrl.data![0]!.url!.startsWith(`${target.baseUrl}/files/`)).toBe(true);
    expect(await sharp(await download(byUrl.data![0]!.url!)).metadata()).toMatchObject({ width: 1024, height: 1536 });

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
    expect((await sharp(await download(result.data![0]!.url!)).metadata()).width).toBe(1024);
    // The studio runs every edit on Pixapi's async endpoint, even for a sync /v1 call.
    const upstreamRoute = name === "studio" ? "POST /v1/async/images/edits" : "POST /v1/images/edits";
    expect((await target.emulator.control.stats()).routes[upstreamRoute]).toBe(1);
  });

  it("errors surface as APIError with Pixapi's status and type", async () => {
    const bad = client.images.generate({ model: "veo", prompt: "x" });
    await expect(bad).rejects.toBeInstanceOf(APIError);
    await expect(bad).rejects.toMatchObject({ status: 400, type: "invalid_request_error" });

    const wrongKey = new OpenAI({ apiKey: "psk_not_a_real_token", baseURL: target.baseUrl, maxRetries: 0 });
    await expect(wrongKey.models.list()).rejects.toMatchObject({ status: 401, type: "authentication_error" });

    await target.exhaust();
    await expect(client.images.generate({ model: "gpt-image-2", prompt: "x" })).rejects.toMatchObject({ status: 402, type: "insufficient_credits" });
  });

  describe.runIf(name === "studio")("the tokens page's snippets, run as shown", () => {
    let dir: string;
    beforeAll(async () => {
      // Inside the repo so `import "openai"` resolves from its node_modules.
      dir = await mkdtemp(path.join(import.meta.dirname, ".snippet-"));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it.each(["node", "curl"] as const)("%s", async (language) => {
      const env = { ...process.env, [TOKEN_ENV]: target.apiKey };
      let stdout: string;
      if (language === "node") {
        const file = path.join(dir, "example.mjs");
        await writeFile(file, snippet("node", target.baseUrl));
        stdout = (await run(process.execPath, [file], { env, timeout: 60_000 })).stdout;
      } else {
        stdout = (await run("bash", ["-c", snippet("curl", target.baseUrl)], { env, timeout: 60_000 })).stdout;
      }
      const url = language === "node" ? stdout.trim() : (JSON.parse(stdout) as { data: { url: string }[] }).data[0]!.url;
      expect(url.startsWith(`${target.baseUrl}/files/`)).toBe(true);
      expect((await sharp(await download(url)).metadata()).format).toBe("png");
    });
  });
});
