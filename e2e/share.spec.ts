import { test, expect } from "./fixtures";
import { GalleryPage, StudioApi } from "./pages/gallery-page";
import { uniquePrompt } from "./support/emulator";
import { snapshots } from "./support/screenshots";

test.describe("share links", () => {
  test.describe.configure({ timeout: 120_000 });

  test("share on → the link works signed out, without the owner's email → off → 404", async ({ page, browser, signedIn: user }) => {
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("A harbour at night with paper lanterns");
    const gen = await api.waitFor((await api.image(prompt)).id);

    const gallery = new GalleryPage(page);
    await gallery.goto(`?open=${gen.id}`);
    await gallery.detail.getByRole("button", { name: "Share" }).click();
    const dialog = page.getByRole("dialog", { name: "Share link" });
    const toggle = dialog.getByRole("switch", { name: "Public link" });
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    const link = dialog.getByRole("textbox", { name: "Link" });
    await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
    const url = await link.inputValue();
    await snapshots(page, "share-dialog", { widths: ["desktop"] });

    // A visitor with no session at all.
    const visitor = await browser.newContext();
    const guest = await visitor.newPage();
    const response = await guest.goto(url);
    expect(response?.status()).toBe(200);
    await expect(guest).toHaveURL(url);
    await expect(guest.getByText(prompt)).toBeVisible();
    await expect(guest.getByText("gemini-2.5-flash-image")).toBeVisible();
    const img = guest.getByRole("img", { name: prompt });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1024);
    expect(await guest.content()).not.toContain(user.email);
    const ogImage = await guest.locator('meta[property="og:image"]').getAttribute("content");
    expect(ogImage).toMatch(/\/preview$/);
    await expect(guest.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
    await expect(guest.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
    await expect(guest.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const preview = await guest.request.get(ogImage ?? "");
    expect(preview.headers()["content-type"]).toBe("image/jpeg");
    await snapshots(guest, "share-page");

    // The owner switches it off: the same link is a 404 at once.
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    const after = await guest.goto(url);
    expect(after?.status()).toBe(404);
    expect((await guest.request.get(ogImage ?? "")).status()).toBe(404);
    await visitor.close();
  });

  test("the list of shared items has a switch for each", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("A windmill in tulip fields");
    const gen = await api.waitFor((await api.image(prompt)).id);
    const res = await page.request.post(`/api/generations/${gen.id}/share`, { data: { hidePrompt: true } });
    const { url } = (await res.json()) as { url: string };

    await page.goto("/shared");
    const list = page.getByRole("list", { name: "Shared items" });
    await expect(list.getByText(prompt)).toBeVisible();
    await expect(list.getByText("Shared, prompt hidden")).toBeVisible();
    await expect(list.getByRole("textbox", { name: "Link" })).toHaveValue(url);
    await snapshots(page, "shared-list");
    const toggle = list.getByRole("switch", { name: new RegExp(`^Share “${prompt.slice(0, 20)}`) });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    expect((await page.request.get(url)).status()).toBe(404);
  });
});
