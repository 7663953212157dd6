import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { uniquePrompt } from "./support/emulator";
import { writePng } from "./support/images";

/**
 * The main journey in Chinese, in a browser whose locale is zh-CN: sign up, generate, edit,
 * make a video, find them in the gallery and check usage. Headings, buttons and the page
 * language must all be Chinese; the studio's English copy must not show through.
 */
test.describe("主流程（简体中文）", () => {
  test.use({ locale: "zh-CN" });
  test.describe.configure({ timeout: 180_000 });

  test("sign up, generate, edit, video, gallery and usage, all in Chinese", async ({ page }, testInfo) => {
    const html = page.locator("html");
    await page.goto("/sign-up");
    await expect(html).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "创建账户", level: 1 })).toBeVisible();
    await page.getByLabel("邮箱").fill(`zh-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByLabel("密码", { exact: true }).fill("correct-horse-42");
    await page.getByRole("button", { name: "创建账户" }).click();

    // Generate
    await expect(page).toHaveURL(/\/generate/);
    await expect(page.getByRole("heading", { name: "生成", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle("生成 · Pixapi Studio");
    await expect(page.getByRole("navigation", { name: "主导航" }).first()).toBeVisible();
    const prompt = uniquePrompt("A lighthouse at dawn");
    await page.getByLabel("提示词").fill(prompt);
    await expect(page.getByRole("status", { name: "预计消耗" }).or(page.getByLabel("预计消耗"))).toHaveText(/积分/);
    await page.getByRole("button", { name: "生成", exact: true }).click();
    const card = page.getByRole("article", { name: `结果：${prompt}` });
    await expect(card.getByText("已完成")).toBeVisible();
    await expect(card.getByText(/消耗 .*积分/)).toBeVisible();

    // Edit, from that image
    await card.getByRole("link", { name: "把图片作为编辑素材" }).click();
    await expect(page.getByRole("heading", { name: "编辑", level: 1 })).toBeVisible();
    await expect(page.getByRole("list", { name: "参考图" }).getByRole("listitem")).toHaveCount(1);
    const editPrompt = uniquePrompt("Golden hour");
    await page.getByLabel("提示词").fill(editPrompt);
    await page.getByRole("button", { name: "开始编辑" }).click();
    await expect(page.getByRole("article", { name: `结果：${editPrompt}` }).getByText("已完成")).toBeVisible();

    // Video, from an uploaded picture; a bad file is refused in Chinese
    await page.getByRole("navigation", { name: "主导航" }).first().getByRole("link", { name: "视频" }).click();
    await expect(page.getByRole("heading", { name: "视频", level: 1 })).toBeVisible();
    await page.getByLabel("添加起始图片").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
    await expect(page.getByText("“notes.txt”不是 PNG、JPEG 或 WebP 图片。")).toBeVisible();
    await page.getByLabel("添加起始图片").setInputFiles(await writePng(testInfo.outputPath("start.png"), { size: 400 }));
    await expect(page.getByRole("radio", { name: /方形/ })).toBeChecked();
    const videoPrompt = uniquePrompt("Leaves drifting");
    await page.getByLabel("提示词").fill(videoPrompt);
    await page.getByRole("button", { name: "生成视频" }).click();
    await expect(page.getByRole("article", { name: `视频：${videoPrompt}` }).getByText("已完成")).toBeVisible({ timeout: 90_000 });

    // Gallery
    await page.getByRole("navigation", { name: "主导航" }).first().getByRole("link", { name: "图库" }).click();
    await expect(page).toHaveURL(/\/gallery/);
    await expect(page.getByText(prompt).first()).toBeVisible();

    // Usage
    await page.getByRole("navigation", { name: "主导航" }).first().getByRole("link", { name: "用量" }).click();
    await expect(page.getByRole("heading", { name: "用量", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "积分明细" })).toBeVisible();
    await expect(page.getByRole("table", { name: "积分明细，最新的在前" }).getByText("已扣除").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "导出 CSV" })).toBeVisible();
    await expect(html).toHaveAttribute("lang", "zh-CN");
  });
});
