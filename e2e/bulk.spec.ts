import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures";
import { GalleryPage, StudioApi, type ApiGeneration } from "./pages/gallery-page";
import { uniquePrompt } from "./support/emulator";
import { snapshots } from "./support/screenshots";
import { readZip } from "../tests/support/zip";

/** Three finished images (made oldest first, so the gallery lists them newest first) and their shared word. */
async function threeImages(api: StudioApi, word: string): Promise<ApiGeneration[]> {
  const made: ApiGeneration[] = [];
  for (const what of ["a harbour", "a mill", "a bridge"]) made.push(await api.waitFor((await api.image(uniquePrompt(`${word} ${what}`))).id));
  return made;
}

test.describe("bulk actions", () => {
  test.describe.configure({ timeout: 120_000 });

  test("select 3 with Ctrl/⌘, Shift and Space, download them as one zip: the stored bytes and a manifest", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const [oldest, middle, newest] = (await threeImages(api, "Zipped")) as [ApiGeneration, ApiGeneration, ApiGeneration];
    await api.waitFor((await api.image(uniquePrompt("Not in the zip"))).id);

    const gallery = new GalleryPage(page);
    await gallery.goto();
    const bar = page.getByRole("toolbar", { name: "Selected items" });
    // Ctrl/⌘-click the newest, Shift-click the oldest: the three between are selected, nothing opens.
    await gallery.tileButton(newest.prompt).click({ modifiers: ["ControlOrMeta"] });
    await expect(bar.getByText("1 selected")).toBeVisible();
    await gallery.tileButton(oldest.prompt).click({ modifiers: ["Shift"] });
    await expect(bar.getByText("3 selected")).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    for (const g of [oldest, middle, newest]) await expect(gallery.tile(g.prompt).getByRole("checkbox", { name: "Select" })).toBeChecked();
    await expect(gallery.tile("Not in the zip").getByRole("checkbox", { name: "Select" })).not.toBeChecked();

    // Space on the focused tile toggles it; Shift+Space extends from the anchor again.
    await gallery.tileButton(middle.prompt).focus();
    await page.keyboard.press("Space");
    await expect(bar.getByText("2 selected")).toBeVisible();
    await expect(gallery.tile(middle.prompt).getByRole("checkbox", { name: "Select" })).not.toBeChecked();
    await page.keyboard.press("Space");
    await expect(bar.getByText("3 selected")).toBeVisible();
    await snapshots(page, "gallery-bulk");

    const [download] = await Promise.all([page.waitForEvent("download"), bar.getByRole("button", { name: "Download as zip" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^pixapi-\d{4}-\d{2}-\d{2}-3-items\.zip$/);
    const entries = readZip(await readFile(await download.path()));
    expect(entries.size).toBe(4);

    const manifest = JSON.parse(entries.get("manifest.json")?.toString("utf8") ?? "{}") as { count: number; items: { id: string; prompt: string; files: string[] }[] };
    expect(manifest.count).toBe(3);
    for (const g of [oldest, middle, newest]) {
      const item = manifest.items.find((i) => i.id === g.id);
      expect(item?.prompt).toBe(g.prompt);
      const [name] = item?.files ?? [];
      expect(name).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}_zipped-a-[a-z]+-[0-9a-f]+_${g.id}\\.\\w+$`));
      const stored = await page.request.get(g.outputs[0]?.url ?? "");
      expect(stored.status()).toBe(200);
      expect(entries.get(name ?? "")?.equals(await stored.body()), name).toBe(true);
    }

    // Esc clears the selection and the bar goes away.
    await page.keyboard.press("Escape");
    await expect(bar).toBeHidden();
  });

  test("favorite several at once, then the favorites filter shows them", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const [a, b, c] = (await threeImages(api, "Starred")) as [ApiGeneration, ApiGeneration, ApiGeneration];
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.tile(a.prompt).hover();
    await gallery.tile(a.prompt).getByRole("checkbox", { name: "Select" }).click();
    // With something selected every checkbox shows, and a plain click selects too.
    await gallery.tileButton(c.prompt).click();
    const bar = page.getByRole("toolbar", { name: "Selected items" });
    await expect(bar.getByText("2 selected")).toBeVisible();
    await bar.getByRole("button", { name: "Favorite" }).click();
    await expect(gallery.toast("Added 2 items to favorites")).toBeVisible();
    await expect(gallery.tile(a.prompt).getByRole("button", { name: "Favorite" })).toHaveAttribute("aria-pressed", "true");

    await gallery.goto("?favorite=1");
    await expect(gallery.tiles).toHaveCount(2);
    await expect(gallery.tile(b.prompt)).toHaveCount(0);
  });

  test("add a selection to a new collection, then to an existing one", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const [a, b, c] = (await threeImages(api, "Collected")) as [ApiGeneration, ApiGeneration, ApiGeneration];
    const gallery = new GalleryPage(page);
    await gallery.goto();
    const bar = page.getByRole("toolbar", { name: "Selected items" });
    await gallery.tileButton(a.prompt).click({ modifiers: ["ControlOrMeta"] });
    await gallery.tileButton(b.prompt).click({ modifiers: ["ControlOrMeta"] });
    await bar.getByRole("button", { name: "Add to collection" }).click();
    await page.getByRole("menuitem", { name: "New collection…" }).click();
    const dialog = page.getByRole("dialog", { name: "New collection" });
    await dialog.getByLabel("Name").fill("Bridges and mills");
    await dialog.getByRole("button", { name: "Create and add 2 items" }).click();
    await expect(dialog).toBeHidden();
    await expect(gallery.toast("Added 2 items to “Bridges and mills”")).toBeVisible();

    // The third one joins the existing collection from the menu.
    await page.keyboard.press("Escape");
    await expect(bar).toBeHidden();
    await gallery.tileButton(c.prompt).click({ modifiers: ["ControlOrMeta"] });
    await bar.getByRole("button", { name: "Add to collection" }).click();
    await page.getByRole("menuitem", { name: /^Bridges and mills/ }).click();
    await expect(gallery.toast("Added 1 item to “Bridges and mills”")).toBeVisible();
    await page.getByRole("group", { name: "Collections" }).getByRole("button", { name: "Bridges and mills (3)" }).click();
    await expect(page).toHaveURL(/collection=/);
    await expect(gallery.tiles).toHaveCount(3);
  });

  test("delete several with one confirmation and one undo toast, then for good", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const [a, b, keep] = (await threeImages(api, "Deleted")) as [ApiGeneration, ApiGeneration, ApiGeneration];
    const gallery = new GalleryPage(page);
    await gallery.goto();
    const bar = page.getByRole("toolbar", { name: "Selected items" });

    async function selectAndDelete() {
      await gallery.tileButton(a.prompt).click({ modifiers: ["ControlOrMeta"] });
      await gallery.tileButton(b.prompt).click({ modifiers: ["ControlOrMeta"] });
      await expect(bar.getByText("2 selected")).toBeVisible();
      await bar.getByRole("button", { name: "Delete" }).click();
      await expect(gallery.confirm).toContainText("Delete 2 items?");
      await gallery.confirm.getByRole("button", { name: "Delete 2 items" }).click();
      await expect(gallery.confirm).toBeHidden();
      await expect(gallery.tiles).toHaveCount(1);
      await expect(bar).toBeHidden();
      // Focus is not lost with the bar: it lands on the tile left (the deleted ones' neighbour).
      await expect(gallery.tileButton(keep.prompt)).toBeFocused();
    }

    await selectAndDelete();
    const toast = gallery.toast("Deleting 2 items");
    await expect(toast).toBeVisible();
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(gallery.toast("Kept 2 items")).toBeVisible();
    await expect(gallery.tiles).toHaveCount(3);
    expect((await api.get(a.id))?.status).toBe("completed");

    await selectAndDelete();
    await expect(gallery.toast("Deleted 2 items")).toBeVisible({ timeout: 20_000 });
    expect(await api.get(a.id)).toBeNull();
    expect(await api.get(b.id)).toBeNull();
    await page.reload();
    await expect(gallery.tiles).toHaveCount(1);
    await expect(gallery.tile(keep.prompt)).toBeVisible();
  });

  test("on a phone the checkboxes show; select all takes everything matching the filter @phone", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const made = await threeImages(api, "Matching");
    await api.waitFor((await api.image(uniquePrompt("Other thing"))).id);
    const gallery = new GalleryPage(page);
    await gallery.goto("?q=Matching");
    await expect(gallery.tiles).toHaveCount(3);
    const first = gallery.tile(made[0]?.prompt ?? "").getByRole("checkbox", { name: "Select" });
    await expect(first).toBeVisible();
    await first.click();
    const bar = page.getByRole("toolbar", { name: "Selected items" });
    await bar.getByRole("button", { name: "Select all matching" }).click();
    await expect(bar.getByText("3 selected")).toBeVisible();
    for (const g of made) await expect(gallery.tile(g.prompt).getByRole("checkbox", { name: "Select" })).toBeChecked();
    await snapshots(page, "gallery-bulk", { widths: ["phone"] });
  });
});
