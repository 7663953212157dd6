import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { GalleryPage, StudioApi, type ApiGeneration } from "./pages/gallery-page";
import { GeneratePage } from "./pages/generate-page";
import { uniquePrompt } from "./support/emulator";
import { writePng } from "./support/images";
import { snapshots } from "./support/screenshots";

/** An edit made through the API from an uploaded PNG, as the edit form would send it. */
async function createEdit(page: Page, prompt: string): Promise<ApiGeneration> {
  const file = await writePng(test.info().outputPath("before.png"), { size: 512, color: "#0ea5e9" });
  const res = await page.request.post("/api/generations", {
    headers: { "idempotency-key": randomUUID() },
    multipart: { kind: "edit", model: "gpt-image-2", prompt, n: "1", size: "1024x1024", image: { name: "before.png", mimeType: "image/png", buffer: await readFile(file) } },
  });
  expect(res.status(), await res.text()).toBe(202);
  return ((await res.json()) as { generation: ApiGeneration }).generation;
}

test.describe("viewer", () => {
  test.describe.configure({ timeout: 120_000 });

  test("opens large from the detail view: ←/→ through the gallery, 100 % zoom and pan, download, Esc", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const prompts = [uniquePrompt("A lighthouse at dawn"), uniquePrompt("A tram in the rain"), uniquePrompt("A kite over a beach")];
    // Made oldest first, so the gallery (newest first) lists them in reverse.
    for (const prompt of prompts) await api.waitFor((await api.image(prompt)).id);
    const [oldest, middle, newest] = prompts as [string, string, string];

    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.open(middle);
    await gallery.detail.getByRole("link", { name: "View the image large" }).click();

    const viewer = page.getByRole("dialog", { name: middle });
    await expect(viewer).toBeVisible();
    await expect(viewer.getByText("2 / 3")).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("dialog", { name: oldest })).toBeVisible();
    await expect(page.getByText("3 / 3")).toBeVisible();
    // The end of the list: → stays put.
    await page.keyboard.press("ArrowRight");
    await expect(page.getByText("3 / 3")).toBeVisible();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const first = page.getByRole("dialog", { name: newest });
    await expect(first.getByText("1 / 3")).toBeVisible();
    await expect(first.getByRole("link", { name: "Download image" })).toHaveAttribute("href", /\/api\/media\/\w+\?download=1$/);

    // 100 %: one image pixel per CSS pixel, larger than the screen, and it pans by dragging.
    const zoom = first.getByRole("button", { name: "Zoom to 100%" });
    await zoom.click();
    await expect(zoom).toHaveAttribute("aria-pressed", "true");
    const image = first.getByRole("img", { name: `Image: ${newest}` });
    await expect.poll(async () => (await image.boundingBox())?.width).toBe(1024);
    const stage = first.getByTestId("viewer-stage");
    const before = await stage.evaluate((el) => el.scrollTop);
    const box = await stage.boundingBox();
    if (!box) throw new Error("no stage");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 120, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => stage.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 60);
    await snapshots(page, "viewer-zoomed", { widths: ["desktop"] });
    await zoom.click();
    await expect(zoom).toHaveAttribute("aria-pressed", "false");
    await snapshots(page, "viewer-image");

    // Esc closes the viewer only; the detail view is still there behind it, focus back on the opener.
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: newest })).toBeHidden();
    await expect(gallery.detail).toBeVisible();
    await expect(gallery.detail.getByRole("link", { name: "View the image large" })).toBeFocused();
  });

  test("opens from a gallery tile and from a result card; Esc gives focus back to the opener", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("A red bicycle against a blue wall");
    await api.waitFor((await api.image(prompt)).id);

    const gallery = new GalleryPage(page);
    await gallery.goto();
    const viewLarge = gallery.tile(prompt).getByRole("button", { name: "View large" });
    await gallery.tile(prompt).hover();
    await viewLarge.click();
    const viewer = page.getByRole("dialog", { name: prompt });
    await expect(viewer).toBeVisible();
    await expect(viewer.getByRole("img", { name: `Image: ${prompt}` })).toBeVisible();
    // The tile's own click (the detail view) did not fire underneath.
    await expect(page.getByRole("dialog")).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(viewer).toBeHidden();
    await expect(viewLarge).toBeFocused();

    // The results column of Generate: a click on a result opens it large, in the page.
    const studio = new GeneratePage(page);
    await studio.goto();
    const cardPrompt = uniquePrompt("Two paper boats on a pond");
    const card = await studio.generate({ prompt: cardPrompt, n: 2 });
    await studio.results.expectDone(card);
    const second = card.getByRole("link", { name: "View image 2" });
    await second.click();
    const fromCard = page.getByRole("dialog", { name: cardPrompt });
    await expect(fromCard.getByText(/^Image 2 of 2 · /)).toBeVisible();
    expect(page.url()).toMatch(/\/generate/);
    await page.keyboard.press("ArrowLeft");
    await expect(fromCard.getByText(/^Image 1 of 2 · /)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(fromCard).toBeHidden();
    await expect(second).toBeFocused();
  });

  test("an edit compares before and after with a slider (side by side on a phone) @phone", async ({ page, signedIn: _ }, info) => {
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("Make the sky stormy");
    await api.waitFor((await createEdit(page, prompt)).id);

    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.open(prompt);
    await gallery.detail.getByRole("link", { name: "View the image large" }).click();
    const viewer = page.getByRole("dialog", { name: prompt });
    const compare = viewer.getByRole("button", { name: "Before/after" });
    await expect(compare).toHaveAttribute("aria-pressed", "true");

    if (info.project.name === "phone") {
      // Side by side on a phone: both images whole, labelled.
      await expect(viewer.getByRole("img", { name: "Before: the input image" })).toBeVisible();
      await expect(viewer.getByRole("img", { name: `After: ${prompt}` })).toBeVisible();
      await expect(viewer.getByRole("slider")).toBeHidden();
      await snapshots(page, "viewer-compare", { widths: ["phone"] });
      return;
    }
    // Dragging moves the divide between before and after (the reported position follows).
    await expect(viewer.getByRole("slider")).toBeVisible();
    const compared = viewer.getByTestId("before-after");
    await expect(compared).toHaveAttribute("data-position", "50");
    const box = await compared.boundingBox();
    if (!box) throw new Error("no slider box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Number(await compared.getAttribute("data-position"))).toBeLessThan(30);
    // What a person sees moved too: the handle (the divide) now sits in the left third.
    const handle = viewer.getByRole("slider");
    await expect.poll(async () => Number(await handle.getAttribute("aria-valuenow"))).toBeLessThan(30);
    await expect.poll(async () => {
      const h = await handle.boundingBox();
      return h ? (h.x + h.width / 2 - box.x) / box.width : 1;
    }).toBeLessThan(0.3);
    // The keyboard moves it as well once the handle has focus (5 % a press).
    await handle.focus();
    const atFocus = Number(await handle.getAttribute("aria-valuenow"));
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await handle.getAttribute("aria-valuenow"))).toBe(atFocus + 5);
    await expect(viewer).toBeVisible();
    await snapshots(page, "viewer-compare", { widths: ["desktop"] });

    // Switched off, the result alone, zoomable.
    await compare.click();
    await expect(viewer.getByRole("slider")).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: "Zoom to 100%" })).toBeVisible();
  });
});
