import { test, expect } from "./fixtures";

/**
 * The Pixapi key and the upstream's address stay on the server: not in bundles, not in
 * API responses, not in media. In e2e the studio runs in demo mode, whose key is fixed.
 */
const DEMO_KEY = "sk_demo_local";
const EMULATOR_ORIGIN = `127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 10}`;

test("no response the browser receives contains the Pixapi key or the upstream's address", async ({ page, signedIn }) => {
  expect(signedIn.email).toContain("@");
  const leaks: string[] = [];
  const checked: string[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/javascript|json|html|css|text/.test(type)) return;
    const body = await res.text().catch(() => "");
    checked.push(res.url());
    if (body.includes(DEMO_KEY) || body.includes(EMULATOR_ORIGIN)) leaks.push(res.url());
  });

  for (const path of ["/generate", "/edit", "/video", "/gallery", "/usage"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Make the server talk to Pixapi, then read everything the API hands back.
  const created = await page.request.post("/api/generations", { data: { kind: "image", model: "gpt-image-2", prompt: "key safety check" } });
  expect(created.status()).toBe(202);
  const { generation } = (await created.json()) as { generation: { id: string } };
  await expect.poll(async () => ((await (await page.request.get(`/api/generations/${generation.id}`)).json()) as { generation: { status: string } }).generation.status).toBe("completed");
  for (const url of [`/api/generations/${generation.id}`, "/api/generations", "/api/models", "/api/health"]) {
    const body = await (await page.request.get(url)).text();
    checked.push(url);
    if (body.includes(DEMO_KEY) || body.includes(EMULATOR_ORIGIN)) leaks.push(url);
  }

  expect(checked.length).toBeGreaterThan(10);
  expect(checked.some((u) => u.includes("/_next/static/") && u.endsWith(".js"))).toBe(true);
  expect(leaks).toEqual([]);
});
