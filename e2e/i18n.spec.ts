import { expect, test } from "./fixtures";

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("gets the sign-in page in Chinese, and the switch there changes it to English and back", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await expect(page).toHaveTitle("登录 · Pixapi Studio");
    await expect(page.getByLabel("邮箱")).toBeVisible();

    const language = page.getByLabel("语言");
    await language.selectOption("en");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The choice is a cookie, so it outlives the page and beats Accept-Language.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByLabel("Language").selectOption("zh-CN");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  });

  test("sees validation messages from the shared schemas in Chinese", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("邮箱").fill("not-an-email");
    await page.getByLabel("密码", { exact: true }).fill("short");
    await page.getByRole("button", { name: "创建账户" }).click();
    await expect(page.getByText("请输入有效的邮箱地址。")).toBeVisible();
    const password = page.getByLabel("密码", { exact: true });
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription("至少 8 个字符。");
  });
});

test("the account menu saves the language on the account, and it follows the user to another browser", async ({ page, browser, user, signedIn: _ }) => {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitemradio", { name: "简体中文" }).click();
  await expect(page.getByRole("navigation", { name: "主导航" }).first().getByRole("link", { name: "生成" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(page.getByRole("button", { name: "账户菜单" })).toBeVisible();

  // An English browser that signs in as this user gets Chinese: the saved choice wins.
  const other = await browser.newContext({ locale: "en-US" });
  const second = await other.newPage();
  await second.goto("/sign-in");
  await expect(second.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await second.getByLabel("Email").fill(user.email);
  await second.getByLabel("Password").fill(user.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(second.getByRole("button", { name: "账户菜单" })).toBeVisible();
  await other.close();

  // Back to English from the menu, with the keyboard.
  await page.getByRole("button", { name: "账户菜单" }).focus();
  await page.keyboard.press("Enter");
  const english = page.getByRole("menuitemradio", { name: "English" });
  while (!(await english.evaluate((el) => el === document.activeElement))) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
});

test("the skip link is the first stop of Tab and moves focus to the main content", async ({ page, signedIn: _ }) => {
  await page.goto("/usage");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
