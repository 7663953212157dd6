import { expect, test } from "./fixtures";
import { GalleryPage } from "./pages/gallery-page";
import { TokensPage } from "./pages/tokens-page";

/** A script's call, made from the test process with plain fetch: no browser, no cookies. */
async function generate(baseUrl: string, token: string, prompt: string): Promise<Response> {
  return fetch(`${baseUrl}/v1/images/generations`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gemini-2.5-flash-image", prompt, n: 1, size: "1024x1024", quality: "low" }),
  });
}

test("create a token, call the API with it, find the result in the gallery, revoke it @phone", async ({ page, signedIn: _signedIn, baseURL }) => {
  const tokens = new TokensPage(page);
  await page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: /^API/ }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expect(tokens.baseUrl).toHaveValue(`${baseURL}/v1`);
  await expect(page.getByRole("tabpanel")).toContainText(`curl ${baseURL}/v1/images/generations`);
  await page.getByRole("tab", { name: "Node (openai)" }).click();
  await expect(page.getByRole("tabpanel")).toContainText(`baseURL: "${baseURL}/v1"`);

  const token = await tokens.createToken("e2e script");
  expect(token).toMatch(/^psk_[A-Za-z0-9_-]{43}$/);
  await expect(tokens.row("e2e script")).toContainText(token.slice(0, 8));
  await expect(tokens.row("e2e script")).toContainText("Never");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(tokens.newToken).toHaveCount(0);

  const prompt = `api call ${Date.now()}`;
  const res = await generate(baseURL!, token, prompt);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as { data: { url: string }[] };
  expect(body.data[0]!.url.startsWith(`${baseURL}/v1/files/`)).toBe(true);
  expect((await fetch(body.data[0]!.url)).headers.get("content-type")).toBe("image/png");

  const gallery = new GalleryPage(page);
  await gallery.goto();
  await gallery.open(prompt);
  await expect(gallery.detail).toContainText("the API (token “e2e script”)");
  await page.keyboard.press("Escape");

  await tokens.goto();
  await expect(tokens.row("e2e script")).toContainText("Today");
  await tokens.revoke("e2e script");
  const after = await generate(baseURL!, token, `${prompt} again`);
  expect(after.status).toBe(401);
  expect(await after.json()).toMatchObject({ error: { code: 401, type: "authentication_error" } });
});

test("the token API refuses a browser session on /v1", async ({ page, signedIn: _signedIn }) => {
  // Same origin, cookies attached: still no access without a token.
  const res = await page.request.get("/v1/models");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { type: "authentication_error" } });
});
