import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { uniquePrompt } from "./support/emulator";

/** Presses Tab until `target` has focus (at most `limit` times): how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test.describe("keyboard only", () => {
  test.describe.configure({ timeout: 120_000 });

  test("generate an image and open it in the gallery without a mouse", async ({ page, signedIn: _ }) => {
    await page.goto("/generate");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");

    const prompt = uniquePrompt("A red kite over the dunes");
    await tabTo(page, page.getByLabel("Prompt"));
    await page.keyboard.type(prompt);
    await page.keyboard.press("ControlOrMeta+Enter");

    // The finish is announced in the polite live region, without moving focus.
    await expect(page.getByTestId("status-announcer")).toHaveText(`Result done: ${prompt}`);
    await expect(page.getByLabel("Prompt")).toBeFocused();

    const openInGallery = page.getByRole("article", { name: `Result: ${prompt}` }).getByRole("link", { name: "Open image in gallery" });
    await tabTo(page, openInGallery);
    await page.keyboard.press("Enter");
    const detail = page.getByRole("dialog");
    await expect(detail).toBeVisible();
    await expect(detail.getByText(prompt).first()).toBeVisible();

    await page.keyboard.press("Escape");
    await expect(detail).toBeHidden();
  });

  test("? lists the shortcuts, from anywhere but a text field, and Esc gives focus back", async ({ page, signedIn: _ }) => {
    await page.goto("/usage");
    await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
    const menuButton = page.getByRole("button", { name: "Account menu" });
    await menuButton.focus();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText("Submit the form")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(menuButton).toBeFocused();

    // From the account menu, by keyboard; focus returns to the menu's button.
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: /Keyboard shortcuts/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menuButton).toBeFocused();

    // In a text field, "?" is just a character.
    await page.goto("/generate");
    // Wait until the page is hydrated (the "?" listener answers) before focusing the field:
    // a focus given to the server-rendered textarea can be lost when React takes the page over.
    await page.keyboard.press("?");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.getByLabel("Prompt").focus();
    await expect(page.getByLabel("Prompt")).toBeFocused();
    await page.keyboard.press("?");
    await expect(page.getByLabel("Prompt")).toHaveValue("?");
    await expect(dialog).toBeHidden();
  });
});
