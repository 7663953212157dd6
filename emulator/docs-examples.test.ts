/**
 * The docs' own examples, copied verbatim from the Pixapi develop guide and API reference,
 * must work against the emulator with only the base URL swapped. If one of these fails,
 * the emulator (not the example) is wrong.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../tests/support/emulator";
import { missingDependency } from "../tests/support/require-dependency";
import { download, waitForTask } from "./test-helpers";

const exec = promisify(execFile);
const DOCS_ORIGIN = "https://api.pixapi.ai";
const KEY = "sk_docs_example";

// --- verbatim from develop-guide.txt, "3. Send a request" (bash) ---
const CURL_GENERATION = `curl https://api.pixapi.ai/v1/images/generations \\
  -H "Authorization: Bearer $PIXAPI_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "model": "gemini-3-pro-image-preview",
    "prompt": "A cinematic product photo of a ceramic coffee cup",
    "n": 1,
    "size": "1024x1024"
  }'`;

// --- verbatim from develop-guide.txt, "4. Run long requests asynchronously" ---
const CURL_ASYNC = `curl https://api.pixapi.ai/v1/async/images/generations \\
  -H "Authorization: Bearer $PIXAPI_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "model": "gemini-3.1-flash-image-preview",
    "prompt": "A cinematic product photo of a ceramic coffee cup",
    "size": "2048x2048"
  }'`;

// --- verbatim from api-reference.zh.txt, 图片编辑 ---
const CURL_EDIT = `curl https://api.pixapi.ai/v1/images/edits \\
  -H "Authorization: Bearer $PIXAPI_KEY" \\
  -F "model=gemini-3-pro-image-preview" \\
  -F "prompt=Place the product on a warm studio background" \\
  -F "image=@product.png" \\
  -F "n=1" \\
  -F "size=1024x1024"`;

// --- verbatim from develop-guide.txt, "3. Send a request" (js) ---
const JS_FETCH = `const response = await fetch('https://api.pixapi.ai/v1/images/generations', {
  method: 'POST',
  headers: {
    Authorization: \`Bearer \${process.env.PIXAPI_KEY}\`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'gemini-3-pro-image-preview',
    prompt: 'A cinematic product photo of a ceramic coffee cup',
    n: 1,
    size: '1024x1024',
  }),
});

if (!response.ok) {
  throw new Error(await response.text());
}

const result = await response.json();
console.log(result.data?.[0]?.url ?? result);`;

// --- verbatim from develop-guide.txt, "3. Send a request" (py) ---
const PYTHON_REQUESTS = `import os
import requests

response = requests.post(
    "https://api.pixapi.ai/v1/images/generations",
    headers={
        "Authorization": f"Bearer {os.environ['PIXAPI_KEY']}",
        "Content-Type": "application/json",
    },
    json={
        "model": "gemini-3-pro-image-preview",
        "prompt": "A cinematic product photo of a ceramic coffee cup",
        "n": 1,
        "size": "1024x1024",
    },
)

response.raise_for_status()
result = response.json()
print(result["data"][0]["url"])`;

const hasPythonRequests = (() => {
  try {
    execFileSync("python3", ["-c", "import requests"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let emu: TestEmulator;
let cwd = "";
const swap = (snippet: string) => snippet.replaceAll(DOCS_ORIGIN, emu.url);
const env = () => ({ ...process.env, PIXAPI_KEY: KEY });

beforeAll(async () => {
  emu = await startTestEmulator();
  cwd = await fs.mkdtemp(path.join(os.tmpdir(), "emu-docs-"));
  await sharp({ create: { width: 400, height: 300, channels: 3, background: "#c8a070" } }).png().toFile(path.join(cwd, "product.png"));
});
afterAll(async () => {
  await emu.close();
  await fs.rm(cwd, { recursive: true, force: true });
});

async function bash(script: string): Promise<unknown> {
  const { stdout } = await exec("bash", ["-c", swap(script)], { cwd, env: env() });
  return JSON.parse(stdout);
}

describe("docs examples against the emulator", () => {
  it("curl: image generation", async () => {
    const result = (await bash(CURL_GENERATION)) as { created: number; data: { url: string }[] };
    expect(result.created).toBeTypeOf("number");
    const image = await download(result.data[0]!.url);
    expect((await sharp(image.bytes).metadata()).width).toBe(1024);
  });

  it("curl: async generation, then polling GET /v1/tasks/{id}", async () => {
    const submitted = (await bash(CURL_ASYNC)) as { status: string; id: string; progress: number; created_at: number; model: string };
    expect(submitted).toMatchObject({ status: "submitted", progress: 0, model: "gemini-3.1-flash-image-preview" });
    const { task } = await waitForTask(emu, submitted.id, KEY);
    expect(task.status).toBe("completed");
    const image = await download(task.result!.data[0]!.url);
    expect((await sharp(image.bytes).metadata()).width).toBe(2048);
  });

  it("curl: image edit with -F image=@product.png", async () => {
    const result = (await bash(CURL_EDIT)) as { data: { url: string }[] };
    const image = await download(result.data[0]!.url);
    expect((await sharp(image.bytes).metadata()).height).toBe(1024);
  });

  it("JavaScript fetch snippet", async () => {
    const logged: unknown[] = [];
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
    const snippet = new AsyncFunction("process", "console", "fetch", swap(JS_FETCH));
    await snippet({ env: { PIXAPI_KEY: KEY } }, { log: (v: unknown) => logged.push(v) }, fetch);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(`^${emu.url}/files/.+\\.png$`));
  });

  it.skipIf(missingDependency("python3 with requests", hasPythonRequests, "apt-get install python3-requests"))("Python requests snippet", async () => {
    const { stdout } = await exec("python3", ["-c", swap(PYTHON_REQUESTS)], { env: env() });
    expect(stdout.trim()).toMatch(new RegExp(`^${emu.url}/files/.+\\.png$`));
  });
});
