import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { StudioApi } from "./pages/gallery-page";
import { uniquePrompt } from "./support/emulator";
import { snapshots } from "./support/screenshots";
import { toast } from "./support/toasts";

/** One finished image in the signed-in user's gallery (set up through the API: the forms have their own specs). */
async function oneImage(page: Page, text: string): Promise<{ id: string; prompt: string }> {
  const api = new StudioApi(page.request);
  const prompt = uniquePrompt(text);
  const { id } = await api.waitFor((await api.image(prompt)).id);
  return { id, prompt };
}

/** The dialogs a11y.spec.ts does not open: no serious or critical axe finding in the Chinese UI either. */
async function expectNoSeriousAxe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

/**
 * The gallery's side of the studio in both languages: the detail view, the collections bar
 * and dialog, the share dialog, the list of shared links and the public share page (signed
 * out). A Chinese reader sees Chinese there, an English one English. With E2E_SCREENSHOTS=1
 * the Chinese run saves each view to docs/screenshots/zh-CN/.
 */
test.describe("图库、合集与分享（简体中文）", () => {
  test.use({ locale: "zh-CN" });
  test.describe.configure({ timeout: 150_000 });

  test("detail view, collections, share dialog, shared links and the public page are Chinese", async ({ page, browser }) => {
    const html = page.locator("html");
    await page.goto("/sign-up");
    await page.getByLabel("邮箱").fill(`zh-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByLabel("密码", { exact: true }).fill("correct-horse-42");
    await page.getByRole("button", { name: "创建账户" }).click();
    await expect(page.getByRole("heading", { name: "生成", level: 1 })).toBeVisible();
    const { id, prompt } = await oneImage(page, "A teahouse in the rain");

    // The collections bar, and a new collection from its dialog.
    await page.goto("/gallery");
    await expect(html).toHaveAttribute("lang", "zh-CN");
    const collections = page.getByRole("group", { name: "合集" });
    await expect(collections.getByRole("button", { name: "全部作品" })).toHaveAttribute("aria-pressed", "true");
    await expect(collections.getByRole("button", { name: "收藏" })).toBeVisible();
    await expect(page.getByRole("link", { name: "分享链接" })).toBeVisible();
    await page.getByRole("button", { name: "新建合集" }).click();
    const nameDialog = page.getByRole("dialog", { name: "新建合集" });
    await expect(nameDialog.getByRole("button", { name: "取消" })).toBeVisible();
    await nameDialog.getByRole("button", { name: "创建" }).click();
    // The shared schema's English message, shown in Chinese.
    await expect(nameDialog.getByLabel("名称")).toHaveAccessibleDescription("给合集起个名字。");
    await nameDialog.getByLabel("名称").fill("雨天");
    await expect(nameDialog.getByLabel("名称")).not.toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousAxe(page, "the collection name dialog");
    await snapshots(page, "zh-CN/collections-dialog");
    await nameDialog.getByRole("button", { name: "创建" }).click();
    await expect(collections.getByRole("button", { name: "雨天（0 项）" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: "重命名“雨天”" })).toBeVisible();
    await expect(page.getByRole("button", { name: "删除合集“雨天”" })).toBeVisible();
    await collections.getByRole("button", { name: "全部作品" }).click();

    // The detail view.
    const tile = page.getByRole("list", { name: "作品" }).getByRole("button", { name: prompt });
    await tile.click();
    const detail = page.getByRole("dialog", { name: "图片详情" });
    await expect(detail).toBeVisible();
    await expect(detail.getByRole("heading", { name: "提示词" })).toBeVisible();
    await expect(detail.getByRole("button", { name: "复制提示词" })).toBeVisible();
    await expect(detail.getByRole("button", { name: "关闭" })).toBeVisible();
    await expect(detail.getByRole("button", { name: "收藏", exact: true })).toBeVisible();
    const inCollection = detail.getByRole("group", { name: "合集" }).getByRole("checkbox", { name: "雨天" });
    await inCollection.check();
    await expect(collections.getByRole("button", { name: "雨天（1 项）" })).toBeAttached();
    await expectNoSeriousAxe(page, "the detail view with a collection");
    await snapshots(page, "zh-CN/gallery-detail");

    // The share dialog.
    await detail.getByRole("button", { name: "分享" }).click();
    const share = page.getByRole("dialog", { name: "分享链接" });
    await expect(share.getByText("只有你能看到这个作品。")).toBeVisible();
    await share.getByRole("switch", { name: "公开链接" }).click();
    await expect(share.getByText("拿到链接的任何人都能看到这个作品。")).toBeVisible();
    const link = share.getByRole("textbox", { name: "链接" });
    await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
    await expect(share.getByRole("button", { name: "复制链接" })).toBeVisible();
    await expect(share.getByRole("checkbox", { name: "在分享页面隐藏提示词" })).not.toBeChecked();
    const url = await link.inputValue();
    await expectNoSeriousAxe(page, "the share dialog");
    await snapshots(page, "zh-CN/share-dialog");
    await share.getByRole("button", { name: "完成" }).click();
    await expect(share).toBeHidden();
    // Esc closes the detail view and gives focus back to the tile that opened it.
    await page.keyboard.press("Escape");
    await expect(detail).toBeHidden();
    await expect(tile).toBeFocused();

    // The list of shared links, and its page title.
    await page.getByRole("link", { name: "分享链接" }).click();
    await expect(page.getByRole("heading", { name: "分享链接", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle("分享链接 · Pixapi Studio");
    const list = page.getByRole("list", { name: "已分享的作品" });
    await expect(list.getByText("已分享，含提示词")).toBeVisible();
    await expect(list.getByRole("switch", { name: `分享“${prompt}”` })).toHaveAttribute("aria-checked", "true");
    await snapshots(page, "zh-CN/shared");

    // The public page, for a signed-out visitor whose browser is Chinese.
    const visitor = await browser.newContext({ locale: "zh-CN" });
    const guest = await visitor.newPage();
    await guest.goto(url);
    await expect(guest.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(guest).toHaveTitle("用 Pixapi Studio 制作的图片");
    await expect(guest.locator('meta[property="og:title"]')).toHaveAttribute("content", "用 Pixapi Studio 制作的图片");
    await expect(guest.getByRole("heading", { name: "分享的图片", level: 1 })).toBeAttached();
    await expect(guest.getByRole("link", { name: "我也来创作" })).toBeVisible();
    const about = guest.getByRole("region", { name: "作品信息" });
    await expect(about.getByRole("heading", { name: "提示词" })).toBeVisible();
    await expect(about.getByText(prompt)).toBeVisible();
    await expect(about.getByText("模型")).toBeVisible();
    await expect(about.getByText("创建时间")).toBeVisible();
    await expect(about.getByText(/\d{4}\/\d{1,2}\/\d{1,2}|\d+月\d+日/)).toBeVisible();
    await snapshots(guest, "zh-CN/share-page");
    // Switched off in the list: the visitor's next look is a 404 that says so in Chinese.
    await list.getByRole("switch", { name: `分享“${prompt}”` }).click();
    await expect(list.getByText("未分享")).toBeVisible();
    expect((await guest.goto(url))?.status()).toBe(404);
    await expect(guest.getByRole("heading", { name: "分享链接已失效", level: 1 })).toBeVisible();
    await expect(guest).toHaveTitle(/分享链接已失效/);
    await visitor.close();

    // Deleting from the detail view: the confirmation and the undo toast.
    await page.goto(`/gallery?open=${id}`);
    await page.getByRole("dialog", { name: "图片详情" }).getByRole("button", { name: "删除", exact: true }).click();
    const confirm = page.getByRole("alertdialog", { name: "删除这张图片？" });
    await expect(confirm.getByText(/几秒钟内还可以撤销/)).toBeVisible();
    await confirm.getByRole("button", { name: "删除" }).click();
    await expect(toast(page, `即将删除“${prompt}”`).getByRole("button", { name: "撤销" })).toBeVisible();
  });
});

test.describe("the gallery's side in English", () => {
  test.use({ locale: "en-US" });
  test.describe.configure({ timeout: 120_000 });

  test("detail view, collections, share dialog, shared links and the public page stay English", async ({ page, browser, signedIn: _ }) => {
    const { prompt } = await oneImage(page, "A kite over the dunes");
    await page.goto("/gallery");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const collections = page.getByRole("group", { name: "Collections" });
    await expect(collections.getByRole("button", { name: "All items" })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "New collection" }).click();
    await expect(page.getByRole("dialog", { name: "New collection" }).getByLabel("Name")).toBeVisible();
    await page.getByRole("dialog", { name: "New collection" }).getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("list", { name: "Generations" }).getByRole("button", { name: prompt }).click();
    const detail = page.getByRole("dialog", { name: "Image details" });
    await expect(detail.getByRole("button", { name: "Copy prompt" })).toBeVisible();
    await expect(detail.getByRole("group", { name: "Collections" }).getByText("Group results you want to keep together.")).toBeVisible();
    await detail.getByRole("button", { name: "Share" }).click();
    const share = page.getByRole("dialog", { name: "Share link" });
    await share.getByRole("switch", { name: "Public link" }).click();
    await expect(share.getByText("Anyone with the link can see this result.")).toBeVisible();
    const url = await share.getByRole("textbox", { name: "Link" }).inputValue();
    await share.getByRole("button", { name: "Done" }).click();
    await page.keyboard.press("Escape");
    await expect(detail).toBeHidden();

    await page.getByRole("link", { name: "Shared links" }).click();
    await expect(page.getByRole("heading", { name: "Shared links", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle("Shared links · Pixapi Studio");
    await expect(page.getByRole("list", { name: "Shared items" }).getByText("Shared with its prompt")).toBeVisible();

    const visitor = await browser.newContext({ locale: "en-US" });
    const guest = await visitor.newPage();
    await guest.goto(url);
    await expect(guest.locator("html")).toHaveAttribute("lang", "en");
    await expect(guest).toHaveTitle("Image made with Pixapi Studio");
    await expect(guest.getByRole("heading", { name: "Shared image", level: 1 })).toBeAttached();
    await expect(guest.getByRole("link", { name: "Make your own" })).toBeVisible();
    await expect(guest.getByRole("region", { name: "About this result" }).getByText("Created")).toBeVisible();
    await page.getByRole("list", { name: "Shared items" }).getByRole("switch", { name: `Share “${prompt}”` }).click();
    await expect(page.getByRole("list", { name: "Shared items" }).getByText("Not shared")).toBeVisible();
    expect((await guest.goto(url))?.status()).toBe(404);
    await expect(guest.getByRole("heading", { name: "This link isn't shared", level: 1 })).toBeVisible();
    await visitor.close();
  });
});
