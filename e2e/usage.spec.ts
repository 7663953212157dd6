import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures";
import { generateViaApi, UsagePage } from "./pages/usage-page";
import { uniquePrompt } from "./support/emulator";

test.describe("usage", () => {
  test("shows the spend of a generation just made: budget, today, chart, ledger and CSV", async ({ page, signedIn: _ }) => {
    const prompt = uniquePrompt("A red bicycle against a blue wall");
    // gpt-image-2, 1024x1024, medium: 2 credits.
    const id = await generateViaApi(page.request, { model: "gpt-image-2", prompt, size: "1024x1024", quality: "medium" });

    const usage = new UsagePage(page);
    await usage.goto();
    await expect(usage.budget).toContainText("498");
    await expect(usage.budget).toContainText("of 500 credits");
    await expect(page.getByRole("progressbar", { name: "Allowance used" })).toHaveAttribute("aria-valuetext", "2 credits of 500 credits used");
    await expect(usage.headerBudget).toContainText("498");
    await expect(usage.chart).toBeVisible();
    await expect(page.getByText("gpt-image-2 · Image")).toBeVisible();

    await expect(usage.ledgerRows).toHaveCount(1);
    const row = usage.ledgerRow("gpt-image-2");
    await expect(row).toContainText("Image");
    await expect(row).toContainText("2");
    await expect(row).toContainText("Charged");
    await expect(row).toContainText("Estimate");
    await expect(row.getByRole("link", { name: "Open" })).toHaveAttribute("href", `/gallery?open=${id}`);

    const [download] = await Promise.all([page.waitForEvent("download"), usage.exportCsv.click()]);
    expect(download.suggestedFilename()).toMatch(/^pixapi-usage-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    expect(csv.split("\r\n")[0]).toBe("date,kind,model,credits,status,source,settled_at,generation_id");
    expect(csv).toContain(`,image,gpt-image-2,2,settled,estimate,`);
    expect(csv).toContain(id);
  });

  test("explains the studio's own Pixapi balance running out", async ({ page, signedIn: _ }) => {
    const usage = new UsagePage(page);
    await usage.goto("?reason=insufficient_credits");
    const notice = page.getByRole("status").filter({ hasText: "The studio's Pixapi account is out of credits" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("This is not your own allowance");
    await expect(page.getByText("Nothing spent yet.")).toBeVisible();
    // Without the reason, no notice.
    await usage.goto();
    await expect(page.getByText("The studio's Pixapi account is out of credits")).toBeHidden();
  });

  test("reads well on a phone @phone", async ({ page, signedIn: _ }) => {
    await generateViaApi(page.request, { model: "gemini-2.5-flash-image", prompt: uniquePrompt("A small phone test") });
    const usage = new UsagePage(page);
    await usage.goto();
    await expect(usage.budget).toContainText("499");
    await expect(usage.ledgerRows).toHaveCount(1);
    // Nothing pushes the page sideways; only the ledger table scrolls inside its card.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
