import type { ConsoleMessage, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { AdminPage, E2E_ADMIN } from "./pages/admin-page";
import { AuthPage } from "./pages/auth-page";
import { GalleryPage } from "./pages/gallery-page";
import { GeneratePage } from "./pages/generate-page";
import { uniquePrompt } from "./support/emulator";

/**
 * Under the studio's nonce-based Content-Security-Policy every page must still load and
 * work: no console error and no CSP violation anywhere. Violations are collected in the
 * page itself (securitypolicyviolation events) as well as from the console.
 */
function watch(page: Page): { problems: () => string[] } {
  const seen: string[] = [];
  page.on("console", (msg: ConsoleMessage) => {
    // The browser asks for /favicon.ico by itself; the studio has no icon file (yet).
    if (msg.type() === "error" && !msg.location().url.endsWith("/favicon.ico")) seen.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (error) => seen.push(`pageerror: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  return { problems: () => [...seen] };
}

test.describe("security headers and CSP", () => {
  test("every page loads and works under the CSP with no console errors or violations", async ({ page, auth, user }) => {
    const { problems } = watch(page);
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await page.goto("/sign-up");
    await auth.signUp(user);
    await expect(page).toHaveURL(/\/generate/);

    const studio = new GeneratePage(page);
    const prompt = uniquePrompt("A lighthouse under a strict CSP");
    const card = await studio.generate({ prompt });
    await expect(card).toBeVisible();

    for (const [path, heading] of [
      ["/edit", "Edit"],
      ["/video", "Video"],
      ["/gallery", "Gallery"],
      ["/usage", "Usage"],
    ] as const) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    }
    // The gallery shows the image made above (img-src self works): its thumbnail decoded.
    await page.goto("/gallery");
    const tile = new GalleryPage(page).tiles.first();
    await expect(tile).toHaveAttribute("data-status", "completed");
    await expect.poll(() => tile.locator("img").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(problems()).toEqual([]);
  });

  test("the admin page works under the CSP too", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { problems } = watch(page);
    await new AuthPage(page).signIn(E2E_ADMIN);
    await expect(page).toHaveURL(/\/generate/);
    await new AdminPage(page).goto();
    expect(problems()).toEqual([]);
    await context.close();
  });

  test("pages and API answers carry the security headers", async ({ page, signedIn: _ }) => {
    const res = await page.goto("/generate");
    const headers = res?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(csp).toContain("media-src 'self' blob: data:");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Served over plain http here: no HSTS (browsers ignore it on http anyway).
    expect(headers["strict-transport-security"]).toBeUndefined();
    // A fresh nonce per request.
    const again = (await page.request.get("/generate")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);

    const api = await page.request.get("/api/usage/summary");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["x-frame-options"]).toBe("DENY");
  });

  test("an open-redirect attempt after sign-in lands on /generate", async ({ page, signedIn: _ }) => {
    for (const attempt of ["%2F%09%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example", "%2F%2Fevil.example"]) {
      await page.goto(`/sign-in?callbackUrl=${attempt}`);
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/generate$/);
    }
    const res = await page.request.get("/sign-in?callbackUrl=%2F%09%2Fevil.example", { maxRedirects: 0 });
    expect(res.headers()["location"]).toMatch(/^\/generate$|\/generate$/);
  });
});
