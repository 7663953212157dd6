import { expect, test } from "./fixtures";
import { GalleryPage, StudioApi } from "./pages/gallery-page";
import { VideoPage } from "./pages/video-page";
import { uniquePrompt } from "./support/emulator";

test.describe("app shell", () => {
  test("the app icons and manifest are served and no page logs a console error for them", async ({ page, request }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
    for (const path of ["/icon.png", "/apple-icon.png"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["content-type"]).toBe("image/png");
    }
    const manifest = await request.get("/manifest.webmanifest");
    expect(await manifest.json()).toMatchObject({ name: "Pixapi Studio", icons: expect.arrayContaining([expect.objectContaining({ src: "/icon.png" })]) });
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico|icon/);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    expect(errors).toEqual([]);
  });

  test("the theme toggle cycles system, light and dark with icons, and the account menu is a real menu", async ({ page, user, signedIn: _ }) => {
    const toggle = page.getByRole("button", { name: /theme \(switch to/ });
    await expect(toggle).toHaveAccessibleName("System theme (switch to light theme)");
    await expect(toggle.locator("svg")).toBeVisible();
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Light theme (switch to dark theme)");
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Dark theme (switch to system theme)");
    await expect(page.locator("html")).toHaveClass(/dark/);

    // Keyboard: Enter opens it on its first item, the arrows move, Escape closes it back to the button.
    const trigger = page.getByRole("button", { name: "Account menu" });
    await expect(trigger).toHaveAttribute("aria-haspopup", "menu");
    await trigger.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: "Account" });
    await expect(menu).toBeVisible();
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    await expect(menu.getByTestId("user-email")).toHaveText(user.email);
    const usage = menu.getByRole("menuitem", { name: "Usage and credits" });
    const signOut = menu.getByRole("menuitem", { name: "Sign out" });
    const english = menu.getByRole("menuitemradio", { name: "English" });
    await expect(usage).toBeFocused();
    await expect(english).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: /Keyboard shortcuts/ })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(english).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitemradio", { name: "简体中文" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(signOut).toBeFocused();
    await page.keyboard.press("End");
    await expect(signOut).toBeFocused();
    await page.keyboard.press("Home");
    await expect(usage).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(trigger).toHaveAttribute("aria-expanded", "false");

    // ArrowDown opens it too, and Enter on an item follows it.
    await page.keyboard.press("ArrowDown");
    await expect(usage).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/usage$/);
    await expect(menu).toBeHidden();
  });
});

test.describe("toasts", () => {
  test("a delete can be undone while it waits, and goes through when it is not", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("A kite over the dunes");
    const generation = await api.waitFor((await api.image(prompt)).id);
    const gallery = new GalleryPage(page);
    await gallery.goto();

    await gallery.open(prompt);
    await gallery.confirmDelete();
    await expect(gallery.tileButton(prompt)).toHaveCount(0);
    await gallery.toast(/^Deleting “/).getByRole("button", { name: "Undo" }).click();
    await expect(gallery.toast(/^Kept “/)).toBeVisible();
    await expect(gallery.tileButton(prompt)).toHaveCount(1);
    // Well past the undo window: it was never sent.
    await page.waitForTimeout(6000);
    expect(await api.get(generation.id)).not.toBeNull();

    await gallery.open(prompt);
    await gallery.confirmDelete();
    await expect(gallery.toast(/^Deleted “/)).toBeVisible({ timeout: 20_000 });
    expect(await api.get(generation.id)).toBeNull();
    await page.reload();
    await expect(gallery.tileButton(prompt)).toHaveCount(0);
  });

  test("copying a prompt says so", async ({ page, context, signedIn: _ }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("A teapot in the rain");
    await api.waitFor((await api.image(prompt)).id);
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.open(prompt);
    await gallery.detail.getByRole("button", { name: "Copy prompt" }).click();
    await expect(gallery.toast("Prompt copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(prompt);
  });

  test("a video that finishes while the person is on another page says it is ready", async ({ page, signedIn: _ }) => {
    const studio = new VideoPage(page);
    await studio.goto();
    const prompt = uniquePrompt("Lanterns drifting up at night");
    await studio.generate({ prompt, duration: 2 });
    // Off to the gallery by the nav (client navigation: the tab keeps watching).
    await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Gallery" }).click();
    await expect(page.getByRole("heading", { name: "Gallery", exact: true })).toBeVisible();
    const gallery = new GalleryPage(page);
    const ready = gallery.toast("Your video is ready");
    await expect(ready).toBeVisible({ timeout: 90_000 });
    await expect(ready).toContainText(prompt.slice(0, 40));
    await ready.getByRole("button", { name: "Open" }).click();
    await expect(gallery.detail.getByRole("heading", { name: "Video details" })).toBeVisible();
  });
});
