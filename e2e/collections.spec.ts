import { test, expect } from "./fixtures";
import { GalleryPage, StudioApi } from "./pages/gallery-page";
import { uniquePrompt } from "./support/emulator";
import { snapshots } from "./support/screenshots";

test.describe("favorites and collections", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a starred item shows under Favorites, in the URL, after a reload", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const fox = uniquePrompt("A fox in a tweed jacket");
    const owl = uniquePrompt("An owl reading a map");
    for (const g of [await api.image(fox), await api.image(owl)]) await api.waitFor(g.id);

    const gallery = new GalleryPage(page);
    await gallery.goto();
    await expect(gallery.tiles).toHaveCount(2);
    const star = gallery.tile(fox).getByRole("button", { name: "Favorite" });
    await expect(star).toHaveAttribute("aria-pressed", "false");
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", "true");

    const collections = page.getByRole("group", { name: "Collections" });
    await collections.getByRole("button", { name: "Favorites" }).click();
    await expect(page).toHaveURL(/favorite=1/);
    await expect(gallery.tiles).toHaveCount(1);
    await expect(gallery.tileButton(fox)).toBeVisible();
    await page.reload();
    await expect(collections.getByRole("button", { name: "Favorites" })).toHaveAttribute("aria-pressed", "true");
    await expect(gallery.tiles).toHaveCount(1);

    // Unstarring from the detail view takes it out of the favorites.
    await gallery.open(fox);
    const detailStar = gallery.detail.getByRole("button", { name: "Favorite", exact: true });
    await expect(detailStar).toHaveAttribute("aria-pressed", "true");
    await detailStar.click();
    await expect(detailStar).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("heading", { name: "No results for these filters" })).toBeVisible();
    await collections.getByRole("button", { name: "All items" }).click();
    await expect(page).toHaveURL(/\/gallery$/);
    await expect(gallery.tiles).toHaveCount(2);
  });

  test("create a collection, add an item, filter by it, remove it, rename and delete @phone", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const kite = uniquePrompt("A red kite over the dunes");
    const boat = uniquePrompt("A sailboat at dusk");
    for (const g of [await api.image(kite), await api.image(boat)]) await api.waitFor(g.id);
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await expect(gallery.tiles).toHaveCount(2);

    const collections = page.getByRole("group", { name: "Collections" });
    await page.getByRole("button", { name: "New collection" }).click();
    const dialog = page.getByRole("dialog", { name: "New collection" });
    await dialog.getByLabel("Name").fill("Summer trip");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog).toBeHidden();
    // The new collection is chosen at once, and empty.
    await expect(collections.getByRole("button", { name: "Summer trip (0)" })).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/collection=/);
    await expect(page.getByRole("heading", { name: "No results for these filters" })).toBeVisible();
    await collections.getByRole("button", { name: "All items" }).click();

    await gallery.open(kite);
    const inTrip = gallery.detail.getByRole("checkbox", { name: "Summer trip" });
    await expect(inTrip).not.toBeChecked();
    // Escape once the save and the refresh it causes are done: pressed while they were in
    // flight, it sometimes left the detail open (1 run in 4-5 on desktop, on main before this
    // change too; noted in the session's closing note, not yet understood).
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && /\/api\/collections\/[^/]+\/items$/.test(new URL(r.url()).pathname));
    const refreshed = page.waitForResponse((r) => r.request().method() === "GET" && new URL(r.url()).pathname === "/api/collections");
    await inTrip.check();
    await expect(inTrip).toBeChecked();
    expect((await saved).status()).toBe(200);
    await refreshed;
    // The box kept focus through the save (it is not disabled meanwhile, which dropped focus to the page).
    await expect(inTrip).toBeFocused();
    await snapshots(page, "collections-detail", { widths: ["desktop"] });
    await page.keyboard.press("Escape");
    await expect(gallery.detail).toBeHidden();

    await collections.getByRole("button", { name: "Summer trip (1)" }).click();
    await expect(gallery.tiles).toHaveCount(1);
    await expect(gallery.tileButton(kite)).toBeVisible();
    await snapshots(page, "collections-gallery");

    // Out of the collection; still in the gallery.
    await gallery.open(kite);
    await gallery.detail.getByRole("checkbox", { name: "Summer trip" }).uncheck();
    // The server has it once the chip's count drops.
    await expect(collections.getByRole("button", { name: "Summer trip (0)" })).toBeAttached();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("heading", { name: "No results for these filters" })).toBeVisible();

    await page.getByRole("button", { name: "Rename Summer trip" }).click();
    const renameDialog = page.getByRole("dialog", { name: "Rename collection" });
    await renameDialog.getByLabel("Name").fill("Autumn trip");
    await renameDialog.getByRole("button", { name: "Rename" }).click();
    await expect(collections.getByRole("button", { name: "Autumn trip (0)" })).toBeVisible();

    await page.getByRole("button", { name: "Delete collection Autumn trip" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("stay in your gallery");
    await confirm.getByRole("button", { name: "Delete collection" }).click();
    await expect(collections.getByRole("button", { name: /Autumn trip/ })).toHaveCount(0);
    await expect(page).toHaveURL(/\/gallery$/);
    await expect(gallery.tiles).toHaveCount(2);
  });
});
