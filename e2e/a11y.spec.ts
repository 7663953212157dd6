import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_ADMIN } from "./pages/admin-page";
import { StudioApi } from "./pages/gallery-page";

/**
 * axe-core on every page of the studio, in both languages, light and dark, at desktop and
 * phone width: no serious or critical violation anywhere. Moderate and minor findings are
 * allowed only for the rules listed here, each with the reason.
 */
const TOLERATED_MODERATE: Record<string, string> = {
  // Radix renders the open account menu and Sonner its toaster outside <main>/<header>;
  // both are labelled widgets, not page content a landmark would help to find.
  region: "portalled menus and the toast region live outside the landmarks by design",
};

/** The tile's "View large" name per language, from the catalogs (Playwright's loader takes no JSON imports). */
const VIEW_LARGE = Object.fromEntries(
  ["en", "zh-CN"].map((locale) => [locale, (JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as { gallery: { tile: { viewLarge: string } } }).gallery.tile.viewLarge]),
);

const COMBINATIONS = [
  { locale: "en", theme: "light", phone: false },
  { locale: "en", theme: "dark", phone: true },
  { locale: "zh-CN", theme: "light", phone: true },
  { locale: "zh-CN", theme: "dark", phone: false },
  { locale: "en", theme: "dark", phone: false },
  { locale: "en", theme: "light", phone: true },
  { locale: "zh-CN", theme: "light", phone: false },
  { locale: "zh-CN", theme: "dark", phone: true },
] as const;

type Combination = (typeof COMBINATIONS)[number];

interface Fixture {
  user: { email: string; password: string };
  generationId: string;
  shareUrl: string;
}

let fixture: Fixture;

async function signIn(page: Page, who: { email: string; password: string }) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", { form: { ...who, csrfToken, json: "true" } });
  expect(res.ok()).toBe(true);
}

function contextOptions(c: Combination, baseURL: string): BrowserContextOptions {
  const size = c.phone ? { width: 412, height: 915 } : { width: 1280, height: 900 };
  return {
    locale: c.locale,
    viewport: size,
    isMobile: c.phone,
    hasTouch: c.phone,
    colorScheme: c.theme,
    storageState: {
      cookies: [{ name: "studio-theme", value: c.theme, domain: new URL(baseURL).hostname, path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" }],
      origins: [],
    },
  };
}

/**
 * With E2E_SCREENSHOTS=1, the Chinese runs also save each page to
 * docs/screenshots/zh-CN/<page>-<desktop|phone>.png (light) and <page>-<desktop|phone>-dark.png
 * (dark), for the README; off in normal runs.
 */
async function screenshot(page: Page, c: Combination, name: string) {
  if (process.env.E2E_SCREENSHOTS !== "1" || c.locale !== "zh-CN") return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/zh-CN/${name}-${c.phone ? "phone" : "desktop"}${c.theme === "dark" ? "-dark" : ""}.png` });
}

async function audit(page: Page, what: string) {
  // Animations settle first: axe reads colours mid-fade otherwise.
  await page.evaluate(() =>
    document.getAnimations().forEach((a) => {
      if (a.effect?.getComputedTiming().endTime !== Infinity) a.finish();
    }),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical" || !(v.id in TOLERATED_MODERATE));
  const report = blocking.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(report, `axe on ${what}`).toEqual([]);
}

test.describe("accessibility (axe)", () => {
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL ?? "";
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const user = { email: `a11y-${randomUUID().slice(0, 8)}@example.com`, password: "correct-horse-42" };
    expect((await page.request.post("/api/sign-up", { data: user })).status()).toBe(201);
    await signIn(page, user);
    const api = new StudioApi(page.request);
    const created = await api.image(`A quiet harbour at dawn (${randomUUID().slice(0, 8)})`);
    await api.waitFor(created.id);
    const share = await page.request.post(`/api/generations/${created.id}/share`, { data: {} });
    expect(share.status()).toBe(200);
    const { url } = (await share.json()) as { url: string };
    fixture = { user, generationId: created.id, shareUrl: new URL(url).pathname };
    await context.close();
  });

  for (const c of COMBINATIONS) {
    test(`${c.locale}, ${c.theme}, ${c.phone ? "phone" : "desktop"}`, async ({ browser }, testInfo) => {
      const baseURL = testInfo.project.use.baseURL ?? "";
      const context = await browser.newContext({ baseURL, ...contextOptions(c, baseURL) });
      const page = await context.newPage();
      const label = (path: string) => `${path} (${c.locale}, ${c.theme}, ${c.phone ? "phone" : "desktop"})`;
      const visit = async (path: string, name = path.slice(1) || "home") => {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", c.locale);
        await expect(page.locator("h1").first()).toBeAttached();
        await audit(page, label(path));
        await screenshot(page, c, name);
      };

      // Signed out: the two auth pages and the public share page.
      await visit("/sign-in");
      await visit("/sign-up");
      await visit(fixture.shareUrl, "share-page");

      await signIn(page, fixture.user);
      for (const path of ["/generate", "/edit", "/video", "/gallery", "/usage", "/tokens", "/shared"]) await visit(path);

      // The detail view (a dialog over the gallery), then the viewer from a tile.
      await page.goto(`/gallery?open=${fixture.generationId}`);
      await expect(page.getByRole("dialog")).toBeVisible();
      await audit(page, label("gallery detail view"));
      await screenshot(page, c, "gallery-detail");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
      // The tile's own round button (shown on hover), not the tile, which opens the detail view.
      const viewLarge = page.getByRole("main").getByRole("button", { name: VIEW_LARGE[c.locale], exact: true }).first();
      await viewLarge.hover();
      await viewLarge.click();
      await expect(page.getByRole("dialog").getByTestId("viewer-stage")).toBeVisible();
      await audit(page, label("viewer"));
      await screenshot(page, c, "viewer");
      await page.keyboard.press("Escape");

      // The admin page, as the e2e admin (global setup made it the first account).
      await context.clearCookies({ name: "next-auth.session-token" });
      await signIn(page, E2E_ADMIN);
      await visit("/admin");
      await context.close();
    });
  }
});
