import { test, expect } from "./fixtures";
import { GalleryPage, StudioApi } from "./pages/gallery-page";
import { expectPlays, VideoPage } from "./pages/video-page";
import { injectFault, uniquePrompt } from "./support/emulator";
import { writePng } from "./support/images";

test.describe("video", () => {
  // Videos are rendered for real (ffmpeg); a machine busy with other runs can take a while.
  test.describe.configure({ timeout: 120_000 });

  test("a new user makes a video, watches it render, and plays it", async ({ page, signedIn: _ }) => {
    const studio = new VideoPage(page);
    await studio.goto();
    await expect(page.getByText("Your videos will appear here")).toBeVisible();

    // An 11 s veo clip takes ~2.4 s of simulated time at the e2e time scale: long enough for
    // the server's tracker (first look after 2 s) to report progress part-way; square, so the
    // render stays light on a busy machine.
    const prompt = uniquePrompt("A paper boat drifting down a rainy street at dusk");
    await studio.fill({ prompt, model: "veo", duration: 11, shape: "Square" });
    // veo is 0.5 credits a second at 720p.
    await expect(studio.estimate).toHaveText("5.5 credits");

    await studio.recordProgress();
    await studio.submit.click();
    const card = studio.result(prompt);
    await expect(studio.progress(card)).toBeVisible();
    await studio.expectDone(card);

    const seen = await studio.recordedProgress();
    expect(seen.some((v) => v > 0 && v < 100), `progress values seen: ${seen.join(", ")}`).toBe(true);
    expect(seen, "progress never goes backwards").toEqual([...seen].sort((a, b) => a - b));

    const player = studio.player(card);
    await expect(player).toHaveAttribute("poster", /variant=thumb/);
    await expect(player).toHaveAttribute("playsinline", "");
    await expectPlays(player);
    expect(await player.evaluate((el: HTMLVideoElement) => [el.videoWidth, el.videoHeight])).toEqual([720, 720]);
    await expect(card.getByText(/Used 5.5 credits/)).toBeVisible();

    const download = await page.request.get((await card.getByRole("link", { name: "Download video" }).getAttribute("href")) ?? "");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("video/mp4");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  });

  test("a video starts from an uploaded image @phone", async ({ page, signedIn: _ }, testInfo) => {
    const studio = new VideoPage(page);
    await studio.goto();

    await studio.addImage.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
    await expect(page.getByText("“notes.txt” isn't a PNG, JPEG or WebP image.")).toBeVisible();

    await expect(studio.shape("Landscape")).toBeChecked();
    const png = await writePng(testInfo.outputPath("square.png"), { size: 400 });
    await studio.addImage.setInputFiles(png);
    await expect(studio.startImage).toBeVisible();
    // A square picture picks the square shape, so it isn't cropped.
    await expect(studio.shape("Square")).toBeChecked();

    await page.getByRole("button", { name: "Remove the start image" }).click();
    await expect(studio.startImage).toBeHidden();
    await studio.addImage.setInputFiles(png);
    await expect(studio.startImage).toBeVisible();

    const prompt = uniquePrompt("The camera slowly pushes in");
    const card = await studio.generate({ prompt, duration: 2 });
    await studio.expectDone(card);
    await expect(card.getByText(/from an image/)).toBeVisible();
    await expectPlays(studio.player(card));
  });

  test("a gallery image is animated, and the video remixed", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const imagePrompt = uniquePrompt("A tall lighthouse");
    const image = await api.waitFor((await api.image(imagePrompt, { size: "1024x1536" })).id);

    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.open(imagePrompt);
    await gallery.detail.getByRole("link", { name: "Animate" }).click();
    await expect(page).toHaveURL(new RegExp(`/video\\?from=${image.outputs[0]?.id}$`));

    const studio = new VideoPage(page);
    await expect(studio.startImage).toBeVisible();
    await expect(studio.shape("Portrait")).toBeChecked();
    const prompt = uniquePrompt("Waves crash below the lighthouse");
    const card = await studio.generate({ prompt, duration: 3 });
    await studio.expectDone(card);

    await card.getByRole("link", { name: "Remix: reuse these settings" }).click();
    await expect(page).toHaveURL(/\/video\?remix=/);
    await expect(page.getByText("Remixing an earlier generation")).toBeVisible();
    await expect(studio.prompt).toHaveValue(prompt);
    await expect(studio.duration).toHaveValue("3");
    await expect(studio.shape("Portrait")).toBeChecked();
    await expect(studio.startImage).toBeVisible();
  });

  test("a failed video says why and costs nothing", async ({ page, signedIn: _ }) => {
    const prompt = uniquePrompt("A video the upstream will refuse");
    await injectFault({ promptContains: prompt, action: "task_fail", message: "The scene could not be rendered." });
    const studio = new VideoPage(page);
    await studio.goto();
    const card = await studio.generate({ prompt, duration: 2 });
    await expect(card.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(card.getByRole("alert")).toContainText("The scene could not be rendered.");
    await expect(card.getByText("Not charged")).toBeVisible();
    await expect(studio.player(card)).toHaveCount(0);
  });

  test("leaving while a video renders: it is waiting in the gallery", async ({ page, context, signedIn: _ }) => {
    const prompt = uniquePrompt("Lanterns rising over a lake");
    // Pixapi takes 4 s to accept this one, so it is surely still running when the tab closes.
    await injectFault({ promptContains: prompt, action: "latency", latency_ms: 4000, times: 1 });
    const studio = new VideoPage(page);
    await studio.goto();
    const card = await studio.generate({ prompt, duration: 2 });
    await expect(studio.progress(card)).toBeVisible();
    await page.close();

    // The server's tracker carries on without any browser; a new tab finds the result.
    const later = await context.newPage();
    const gallery = new GalleryPage(later);
    await gallery.goto();
    const tile = gallery.tile(prompt);
    await expect(tile).toBeVisible();
    await expect(tile).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
    await gallery.open(prompt);
    await expectPlays(gallery.detail.locator("video"));
  });
});
