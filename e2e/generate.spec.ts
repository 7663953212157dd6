import { test, expect } from "./fixtures";
import { GeneratePage } from "./pages/generate-page";
import { injectFault, uniquePrompt } from "./support/emulator";
import { snapshots } from "./support/screenshots";
import { toast } from "./support/toasts";

test.describe("generate", () => {
  test("a new user generates images and sees them", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    await expect(page.getByText("Your images will appear here")).toBeVisible();

    const prompt = uniquePrompt("A lighthouse on a cliff at dawn, watercolor");
    await studio.fill({ prompt, n: 2 });
    await expect(studio.estimate).toHaveText("2 credits");
    const card = await studio.generate({ prompt });

    await studio.results.expectDone(card);
    await studio.results.expectImagesLoaded(card, 2);
    await expect(card.getByText(/Used 2 credits/)).toBeVisible();
    await expect(card.getByRole("link", { name: "Download image 1" })).toHaveAttribute("href", /\/api\/media\/\w+\?download=1$/);
    await expect(card.getByRole("link", { name: "Open image 2 in gallery" })).toHaveAttribute("href", /\/gallery\?open=\w+$/);

    // The full-size file is really there, and only for its owner.
    const full = await card.getByRole("link", { name: "View image 1" }).getAttribute("href");
    const res = await page.request.get(full ?? "");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^image\//);
  });

  test("the form checks input before sending and prices it live", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    await studio.submit.click();
    await expect(page.getByText("Describe what you want to see.")).toBeVisible();
    await expect(studio.prompt).toBeFocused();

    await studio.prompt.fill("A quiet harbour");
    await expect(page.getByText("15 / 4,000")).toBeVisible();
    await expect(page.getByText("Describe what you want to see.")).toBeHidden();

    await studio.size.selectOption("custom");
    await studio.width.fill("100");
    await expect(studio.estimate).toHaveText("—");
    await studio.submit.click();
    await expect(page.getByText("Width must be between 256 and 4096.")).toBeVisible();
    await expect(studio.width).toHaveAttribute("aria-invalid", "true");

    await studio.width.fill("1000");
    await expect(page.getByText("Each side must be a multiple of 16.")).toBeVisible();
    await expect(studio.estimate).toHaveText("—");

    await studio.width.fill("1200");
    await studio.height.fill("1600");
    await studio.choose("Quality", "High");
    // 1200×1600 is in the 2K tier (×2), high quality ×2, 1 credit per image for the default model.
    await expect(studio.estimate).toHaveText("4 credits");
    await expect(page.getByText("Each side must be a multiple of 16.")).toBeHidden();

    await studio.prompt.fill("x".repeat(4001));
    await studio.submit.click();
    await expect(page.getByText("Keep the prompt under 4000 characters.")).toBeVisible();
    await expect(studio.results.cards).toHaveCount(0);
  });

  test("a running generation shows its progress, then its image", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    const prompt = uniquePrompt("Slow clouds over a valley");
    // Hold the upstream answer so the running state can be seen.
    await injectFault({ promptContains: prompt, action: "latency", latency_ms: 2500 });
    const card = await studio.generate({ prompt });

    const progress = card.getByRole("progressbar", { name: "Generation progress" });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute("aria-valuenow", /^\d+$/);
    await expect(card.getByText(/Estimated 1 credit/)).toBeVisible();

    await studio.results.expectDone(card);
    await expect(progress).toBeHidden();
    await studio.results.expectImagesLoaded(card, 1);
  });

  test("an upstream failure is explained in plain words", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    const prompt = uniquePrompt("A storm that breaks the server");
    await injectFault({ promptContains: prompt, action: "500" });
    const card = await studio.generate({ prompt });

    await studio.results.expectFailed(card);
    await expect(card.getByRole("alert")).toContainText("Pixapi couldn't make this image");
    await expect(card.getByRole("alert")).toContainText("Pixapi is not available right now.");
    await expect(card.getByText(/Not charged/)).toBeVisible();
  });

  test("running out of Pixapi credits says so and points to usage", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    const prompt = uniquePrompt("An expensive sunset");
    await injectFault({ promptContains: prompt, action: "insufficient_credits" });
    const card = await studio.generate({ prompt });

    await studio.results.expectFailed(card);
    const alert = card.getByRole("alert");
    await expect(alert).toContainText("The studio is out of Pixapi credits");
    await expect(alert.getByRole("link", { name: "See usage and credits" })).toHaveAttribute("href", "/usage?reason=insufficient_credits");
  });

  test("a double click on Generate creates one generation", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    const prompt = uniquePrompt("Twin peaks, but only one please");
    await studio.fill({ prompt });
    await studio.submit.dblclick();

    const card = studio.results.card(prompt);
    await studio.results.expectDone(card);
    await expect(studio.results.cards).toHaveCount(1);
    const res = await page.request.get("/api/generations");
    const { items } = (await res.json()) as { items: { prompt: string }[] };
    expect(items.map((g) => g.prompt)).toEqual([prompt]);
  });

  test("submitting faster than allowed says when to try again", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    // Use up this minute's submits (the limit counts every POST, even a malformed one).
    for (let i = 0; ; i++) {
      const res = await page.request.post("/api/generations", { data: "{}", headers: { "content-type": "application/json" } });
      if (res.status() === 429) break;
      expect(i).toBeLessThan(100);
    }
    await studio.fill({ prompt: uniquePrompt("One too many") });
    await studio.submit.click();

    // It belongs to no field: a toast, and nothing inline in the form.
    const notice = toast(page, "Too many requests right now");
    await expect(notice).toContainText(/Try again in \d+ seconds/);
    await expect(page.getByRole("form", { name: "Generate images" }).getByRole("alert")).toHaveCount(0);
    await snapshots(page, "generate-error-toast");
    await expect(studio.results.cards).toHaveCount(0);
    await expect(studio.submit).toBeEnabled();
  });

  test("remix refills the form from an earlier generation", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    const prompt = uniquePrompt("A paper boat on a puddle");
    const card = await studio.generate({ prompt, n: 2, size: "1024x1536", quality: "Low" });
    await studio.results.expectDone(card);

    await studio.prompt.fill("Something else entirely");
    await card.getByRole("link", { name: /Remix/ }).click();
    await expect(page).toHaveURL(/\/generate\?remix=\w+/);
    await expect(page.getByText("Remixing an earlier generation")).toBeVisible();
    await expect(studio.prompt).toHaveValue(prompt);
    await expect(studio.size).toHaveValue("1024x1536");
    await expect(page.getByRole("group", { name: "Number of images" }).getByRole("radio", { name: "2" })).toBeChecked();
    await expect(page.getByRole("group", { name: "Quality" }).getByRole("radio", { name: "Low" })).toBeChecked();
    // The earlier result is still on screen.
    await expect(studio.results.card(prompt)).toBeVisible();
  });

  test("generating works at phone width @phone", async ({ page, signedIn: _ }) => {
    const studio = new GeneratePage(page);
    const prompt = uniquePrompt("A cactus wearing sunglasses");
    const card = await studio.generate({ prompt });
    await expect(card).toBeInViewport();
    await studio.results.expectDone(card);
    await studio.results.expectImagesLoaded(card, 1);
  });
});
