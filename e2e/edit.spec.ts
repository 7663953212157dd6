import { test, expect } from "./fixtures";
import { EditPage } from "./pages/edit-page";
import { GeneratePage } from "./pages/generate-page";
import { injectFault, uniquePrompt } from "./support/emulator";
import { writePng } from "./support/images";

test.describe("edit", () => {
  test("a new user uploads a photo, edits it and sees the result", async ({ page, signedIn: _ }, testInfo) => {
    const photo = await writePng(testInfo.outputPath("photo.png"));
    const studio = new EditPage(page);
    await studio.goto();
    await expect(page.getByText("Your edits will appear here")).toBeVisible();

    await studio.upload(photo);
    await studio.expectPreviewNames(["photo.png"]);
    await expect.poll(() => studio.preview(1).evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(320);

    const prompt = uniquePrompt("Turn the circle into a sunflower");
    const card = await studio.edit(prompt);
    await studio.results.expectDone(card);
    await studio.results.expectImagesLoaded(card, 1);
    await expect(card.getByText(/1 reference image/)).toBeVisible();
    await expect(card.getByText(/Used 1 credit/)).toBeVisible();
  });

  test("files that aren't images are refused with a clear message", async ({ page, signedIn: _ }) => {
    const studio = new EditPage(page);
    await studio.goto();
    await studio.upload({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
    await expect(studio.form.getByRole("alert")).toHaveText("“notes.txt” isn't a PNG, JPEG or WebP image.");
    await expect(studio.previews).toHaveCount(0);

    await studio.prompt.fill("Make it blue");
    await studio.submit.click();
    await expect(page.getByText("Add at least one image to edit.")).toBeVisible();
    await expect(studio.results.cards).toHaveCount(0);
  });

  test("reference images can be reordered, removed and are capped at four", async ({ page, signedIn: _ }, testInfo) => {
    const colors = ["#ef4444", "#22c55e", "#3b82f6", "#eab308", "#a855f7"];
    const files = await Promise.all(colors.map((color, i) => writePng(testInfo.outputPath(`ref-${i + 1}.png`), { size: 64, color })));
    const studio = new EditPage(page);
    await studio.goto();

    await studio.upload(files.slice(0, 3));
    await studio.expectPreviewNames(["ref-1.png", "ref-2.png", "ref-3.png"]);
    await page.getByRole("button", { name: "Move image 1 right" }).click();
    await studio.expectPreviewNames(["ref-2.png", "ref-1.png", "ref-3.png"]);
    await page.getByRole("button", { name: "Move image 3 left" }).click();
    await studio.expectPreviewNames(["ref-2.png", "ref-3.png", "ref-1.png"]);
    await page.getByRole("button", { name: "Remove image 1" }).click();
    await studio.expectPreviewNames(["ref-3.png", "ref-1.png"]);

    // Three more picked at once: only two fit.
    await studio.upload(files.slice(3).concat(files[1]!));
    await expect(studio.form.getByRole("alert")).toHaveText("Up to 4 images can be used, so 1 image was left out.");
    await studio.expectPreviewNames(["ref-3.png", "ref-1.png", "ref-4.png", "ref-5.png"]);
    await expect(studio.fileInput).toHaveCount(0);
    await expect(page.getByText("That's the maximum of 4. Remove one to add another.")).toBeVisible();

    // The edit is sent with the images in the order shown.
    const prompt = uniquePrompt("Blend these together");
    const card = await studio.edit(prompt);
    await studio.results.expectDone(card);
    await expect(card.getByText(/4 reference images/)).toBeVisible();
  });

  test("an image pasted from the clipboard is added", async ({ page, signedIn: _ }) => {
    const studio = new EditPage(page);
    await studio.goto();
    await expect(studio.submit).toBeEnabled();
    await page.evaluate(async () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: 48, height: 48 });
      canvas.getContext("2d")!.fillRect(0, 0, 48, 48);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
      const data = new DataTransfer();
      data.items.add(new File([blob], "pasted.png", { type: "image/png" }));
      document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
    });
    await studio.expectPreviewNames(["pasted.png"]);
  });

  test("a generated image can be used as the input of an edit", async ({ page, signedIn: _ }) => {
    const generate = new GeneratePage(page);
    const original = uniquePrompt("A plain white mug");
    const first = await generate.generate({ prompt: original });
    await generate.results.expectDone(first);

    await first.getByRole("link", { name: "Use image as edit input" }).click();
    await expect(page).toHaveURL(/\/edit\?from=\w+/);
    const studio = new EditPage(page);
    await expect(studio.previews).toHaveCount(1);
    await expect(studio.preview(1)).toHaveAccessibleName(/^Reference image 1: pixapi-\w+\.(png|webp|jpg)$/);

    const prompt = uniquePrompt("Paint the mug red");
    const card = await studio.edit(prompt);
    await studio.results.expectDone(card);
    await studio.results.expectImagesLoaded(card, 1);
  });

  test("an edit that fails upstream is explained @phone", async ({ page, signedIn: _ }, testInfo) => {
    const photo = await writePng(testInfo.outputPath("photo.png"));
    const studio = new EditPage(page);
    await studio.goto();
    const prompt = uniquePrompt("Remove the background");
    await injectFault({ promptContains: prompt, action: "task_fail", message: "The content could not be processed." });

    await studio.upload(photo);
    await studio.expectPreviewNames(["photo.png"]);
    const card = await studio.edit(prompt);
    await expect(card).toBeInViewport();
    await studio.results.expectFailed(card);
    await expect(card.getByRole("alert")).toContainText("Pixapi couldn't make this image");
    await expect(card.getByRole("alert")).toContainText("The content could not be processed.");
    await expect(card.getByText(/Not charged/)).toBeVisible();

    // Remix brings the prompt back, and the reference image with it.
    await card.getByRole("link", { name: /Remix/ }).click();
    await expect(page).toHaveURL(/\/edit\?remix=\w+/);
    await expect(studio.prompt).toHaveValue(prompt);
    await expect(studio.previews).toHaveCount(1);
  });
});
