import type { Browser, Page } from "@playwright/test";
import { expect, test, type TestUser } from "./fixtures";
import { AdminPage, E2E_ADMIN } from "./pages/admin-page";
import { AuthPage } from "./pages/auth-page";
import { StudioApi } from "./pages/gallery-page";
import { uniquePrompt } from "./support/emulator";
import { recordedNotifications, recordNotifications, setTabHidden } from "./support/notifications";

/** Signs `user` up and in through the API, in this (Chinese) browser: the forms have their own specs. */
async function signUp(page: Page, user: TestUser) {
  expect((await page.request.post("/api/sign-up", { data: user })).status()).toBe(201);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await page.request.post("/api/auth/callback/credentials", { form: { ...user, csrfToken, json: "true" } })).ok()).toBe(true);
}

/** The e2e admin, in an English browser of their own, gives `email` this allowance. */
async function setAllowance(browser: Browser, email: string, credits: number) {
  const context = await browser.newContext({ locale: "en-US" });
  try {
    const page = await context.newPage();
    await new AuthPage(page).signIn(E2E_ADMIN);
    await expect(page).toHaveURL(/\/generate/);
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.setAllowance(email, credits);
  } finally {
    await context.close();
  }
}

/**
 * What issue 14 left English for a Chinese reader: the large viewer, the tab title while a
 * video runs, and sentences the server writes (a budget refusal). A zh-CN browser must get
 * all of them in Chinese; viewer.spec, signals.spec and admin.spec hold the English ones.
 */
test.describe("查看大图、标签页标题和服务器提示（简体中文）", () => {
  test.use({ locale: "zh-CN" });
  test.describe.configure({ timeout: 180_000 });

  test("the viewer, the running tab's title and a budget refusal speak Chinese", async ({ page, browser, user }) => {
    await recordNotifications(page);
    await signUp(page, user);
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("A paper lantern over a river");
    await api.waitFor((await api.image(prompt)).id);

    // The viewer, opened large from a gallery tile.
    await page.goto("/gallery");
    await expect(page.getByRole("heading", { name: "图库", level: 1 })).toBeVisible();
    const tile = page.getByRole("list", { name: "作品" }).getByRole("listitem").filter({ has: page.getByRole("button", { name: prompt }) });
    await tile.hover();
    await tile.getByRole("button", { name: "放大查看" }).click();
    const viewer = page.getByRole("dialog", { name: prompt });
    await expect(viewer.getByRole("img", { name: `图片：${prompt}` })).toBeVisible();
    await expect(viewer.getByText("图片 · 1024 × 1024 · 1 / 1")).toBeVisible();
    await expect(viewer.getByRole("link", { name: "下载图片" })).toHaveAttribute("href", /\?download=1$/);
    const zoom = viewer.getByRole("button", { name: "放大到 100%" });
    await expect(zoom).toHaveAttribute("title", "放大到 100%");
    await zoom.click();
    await expect(zoom).toHaveAttribute("aria-pressed", "true");
    await expect(zoom).toHaveAttribute("title", "恢复为适应屏幕");
    await expect(viewer.getByLabel("图片按 100% 显示：拖动可查看各处")).toBeVisible();
    await viewer.getByRole("button", { name: "关闭大图" }).click();
    await expect(viewer).toBeHidden();

    // A running video: the tab title counts it in Chinese, the notify button asks in Chinese,
    // the hidden tab's notification says it is ready in Chinese, and the page's own title
    // comes back when it is done.
    await api.video(uniquePrompt("Rain on a tin roof"));
    await page.reload();
    await expect(page).toHaveTitle(/^（1 个生成中）\d{1,3}% · Pixapi Studio$/);
    await page.getByRole("button", { name: "完成时通知我" }).click();
    await setTabHidden(page, true);
    await expect.poll(async () => (await recordedNotifications(page)).map((n) => n.title), { timeout: 120_000 }).toEqual(["视频已完成 · Pixapi Studio"]);
    await setTabHidden(page, false);
    await expect(page).toHaveTitle("图库 · Pixapi Studio");

    // The server's budget refusal, with its numbers, in Chinese.
    await setAllowance(browser, user.email, 0.5);
    await page.goto("/generate");
    await page.getByLabel("提示词").fill(uniquePrompt("A lighthouse I can't afford"));
    await page.getByRole("button", { name: "生成", exact: true }).click();
    await expect(page.getByText("你的额度已用完").first()).toBeVisible();
    await expect(page.getByText("这次需要 1 积分，超过了你每月的全部额度（0.5 积分）。请让管理员提高额度，或减少张数、缩小尺寸。").first()).toBeVisible();
    await expect(page.getByText(/This needs/)).toHaveCount(0);
  });
});
