import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { AuthPage } from "./pages/auth-page";
import { emulator, GalleryPage, StudioApi } from "./pages/gallery-page";
import { expectPlays } from "./pages/video-page";
import { injectFault, uniquePrompt } from "./support/emulator";

test.describe("gallery", () => {
  // Videos are rendered for real (ffmpeg); a machine busy with other runs can take a while.
  test.describe.configure({ timeout: 120_000 });

  test("a new user's gallery says how to fill it", async ({ page, signedIn: _ }) => {
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await expect(page.getByRole("heading", { name: "Your gallery is empty" })).toBeVisible();
    await expect(page.getByText("No results for these filters")).toBeHidden();
    for (const [name, href] of [
      ["Generate an image", "/generate"],
      ["Edit a photo", "/edit"],
      ["Make a video", "/video"],
    ] as const) {
      await expect(page.getByRole("link", { name: new RegExp(`^${name}`) })).toHaveAttribute("href", href);
    }
    await page.getByRole("link", { name: /^Make a video/ }).click();
    await expect(page).toHaveURL(/\/video$/);
  });

  test("filters and search live in the URL; a deleted item and its files are gone", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const fox = uniquePrompt("Portrait of a fox in a tweed jacket");
    const lighthouse = uniquePrompt("A lighthouse on a cliff at dawn");
    const boat = uniquePrompt("A paper boat on a rainy street");
    // One after another, so "newest first" has a known order: boat, lighthouse, fox.
    const created = [await api.image(fox), await api.image(lighthouse), await api.video(boat)];
    const [foxGen] = await Promise.all(created.map((g) => api.waitFor(g.id)));
    if (!foxGen) throw new Error("the fox image was not created");

    const gallery = new GalleryPage(page);
    await gallery.goto();
    await expect(gallery.tiles).toHaveCount(3);
    // Newest first.
    await expect(gallery.tiles.first().getByRole("button").first()).toHaveAccessibleName(new RegExp(boat.replace(/[()]/g, "\\$&")));

    await gallery.chooseType("Videos");
    await expect(page).toHaveURL(/\?kind=video$/);
    await expect(gallery.tiles).toHaveCount(1);
    await page.reload();
    await expect(gallery.typeRadio("Videos")).toBeChecked();
    await expect(gallery.tiles).toHaveCount(1);
    await expect(gallery.tileButton(boat)).toBeVisible();

    await gallery.chooseType("All");
    await gallery.search.fill("LIGHTHOUSE on a cliff");
    await expect(page).toHaveURL(/q=LIGHTHOUSE\+on\+a\+cliff/);
    await expect(gallery.tiles).toHaveCount(1);
    await expect(gallery.tileButton(lighthouse)).toBeVisible();
    await page.reload();
    await expect(gallery.search).toHaveValue("LIGHTHOUSE on a cliff");
    await expect(gallery.tiles).toHaveCount(1);

    await gallery.search.fill("a zebra on roller skates");
    await expect(page.getByRole("heading", { name: "No results for these filters" })).toBeVisible();
    await expect(page.getByText("Your gallery is empty")).toBeHidden();
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect(gallery.tiles).toHaveCount(3);
    await expect(gallery.search).toHaveValue("");
    await expect(page).toHaveURL(/\/gallery$/);

    await gallery.status.selectOption("failed");
    await expect(page.getByRole("heading", { name: "No results for these filters" })).toBeVisible();
    await gallery.status.selectOption("completed");
    await gallery.model.selectOption("wan");
    await expect(gallery.tiles).toHaveCount(1);
    await expect(page).toHaveURL(/model=wan/);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(gallery.tiles).toHaveCount(3);

    // The detail view steps through the grid, by button or arrow key.
    await gallery.open(boat);
    await gallery.detail.getByRole("button", { name: "Next item" }).click();
    await expect(gallery.detail.getByText(lighthouse)).toBeVisible();
    await expect(gallery.detail.getByRole("button", { name: "Next item" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(gallery.detail.getByText(fox)).toBeVisible();
    await expect(gallery.detail.getByRole("button", { name: "Next item" })).toBeDisabled();
    await page.keyboard.press("ArrowLeft");
    await expect(gallery.detail.getByText(lighthouse)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(gallery.detail).toBeHidden();
    await expect(page).toHaveURL(/\/gallery$/);

    // Delete, with a second thought first.
    await gallery.open(fox);
    await gallery.detail.getByRole("button", { name: "Delete" }).click();
    await expect(gallery.confirm).toContainText("Delete this image?");
    await expect(gallery.confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await gallery.confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(gallery.confirm).toBeHidden();
    await expect(gallery.detail).toBeVisible();
    await gallery.deleteOpen();
    await expect(gallery.tiles).toHaveCount(2);
    await expect(gallery.tileButton(fox)).toHaveCount(0);

    expect(await api.get(foxGen.id)).toBeNull();
    const file = await page.request.get(foxGen.outputs[0]?.url ?? "");
    expect(file.status()).toBe(404);
    await page.reload();
    await expect(gallery.tiles).toHaveCount(2);
  });

  test("the detail view shows everything about a video and closes with Escape @phone", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("Snow falling on a quiet village");
    const video = await api.waitFor((await api.video(prompt, { duration: 3, size: "9:16" })).id);

    const gallery = new GalleryPage(page);
    await gallery.goto(`?open=${video.id}`);
    const detail = gallery.detail;
    await expect(detail.getByRole("heading", { name: "Video details" })).toBeVisible();
    await expect(detail.getByText(prompt)).toBeVisible();
    await expect(detail.getByText("wan", { exact: true })).toBeVisible();
    await expect(detail.getByText("3 s", { exact: true })).toBeVisible();
    const timeline = detail.getByRole("list", { name: "Status timeline" });
    for (const step of ["Created", "Started", "Completed"]) await expect(timeline.getByText(step, { exact: true })).toBeVisible();
    // wan is 0.2 credits a second.
    await expect(detail.getByText("0.6 credits")).toHaveCount(2);
    await expect(detail.getByRole("link", { name: "Download" })).toHaveAttribute("href", /\?download=1$/);
    await expect(detail.getByRole("link", { name: "Remix: reuse these settings" })).toHaveAttribute("href", `/video?remix=${video.id}`);
    await expectPlays(detail.locator("video"));

    await page.keyboard.press("Escape");
    await expect(detail).toBeHidden();
    await expect(page).toHaveURL(/\/gallery$/);

    // Opened from its tile, closing puts focus back on the tile.
    await gallery.open(prompt);
    await expect(page).toHaveURL(new RegExp(`open=${video.id}`));
    await detail.getByRole("button", { name: "Close" }).click();
    await expect(detail).toBeHidden();
    await expect(gallery.tileButton(prompt)).toBeFocused();
  });

  test("a failed item shows its error and costs nothing", async ({ page, signedIn: _ }) => {
    const prompt = uniquePrompt("A video that will fail");
    await injectFault({ promptContains: prompt, action: "task_fail", message: "The renderer ran out of film." });
    const api = new StudioApi(page.request);
    await api.waitFor((await api.video(prompt)).id, "failed");

    const gallery = new GalleryPage(page);
    await gallery.goto("?status=failed");
    await expect(gallery.tile(prompt)).toHaveAttribute("data-status", "failed");
    await gallery.open(prompt);
    await expect(gallery.detail.getByRole("alert")).toContainText("The renderer ran out of film.");
    await expect(gallery.detail.getByText("Not charged")).toBeVisible();
    await expect(gallery.detail.getByRole("list", { name: "Status timeline" }).getByText("Failed", { exact: true })).toBeVisible();
  });

  test("more pages load on scroll, or with the Load more button", async ({ page, signedIn: _ }) => {
    const api = new StudioApi(page.request);
    const prompts = Array.from({ length: 5 }, (_, i) => uniquePrompt(`Tile number ${i + 1}`));
    for (const prompt of prompts) await api.image(prompt);
    // Pages of two instead of 24, so five items make three pages.
    await page.route(/\/api\/generations\?/, (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("limit", "2");
      return route.continue({ url: url.toString() });
    });
    const gallery = new GalleryPage(page);
    await gallery.goto();
    // The sentinel below the grid pulls in the next pages as it nears the viewport.
    await expect(gallery.tiles).toHaveCount(5);
    await expect(page.getByText("That's everything.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

    // Without IntersectionObserver (or with a keyboard), the button does the same.
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, "IntersectionObserver");
    });
    await page.reload();
    await expect(gallery.tiles).toHaveCount(2);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(gallery.tiles).toHaveCount(4);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(gallery.tiles).toHaveCount(5);
    await expect(page.getByText("That's everything.")).toBeVisible();
  });
});

/**
 * Counts a tab's requests for generation lists and statuses (the browser side of polling):
 * all of them, and apart the pending poll's (`?ids=`) and gallery pages (`?limit=`).
 */
function countStatusReads(page: Page): { count: number; pendingPolls: number; pages: number } {
  const counter = { count: 0, pendingPolls: 0, pages: 0 };
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (req.method() !== "GET" || !url.pathname.startsWith("/api/generations")) return;
    counter.count += 1;
    if (url.searchParams.has("ids")) counter.pendingPolls += 1;
    if (url.searchParams.has("limit")) counter.pages += 1;
  });
  return counter;
}

test("five gallery tabs on one pending task cost the upstream no more polls than one tab", async ({ page, browser, signedIn: _ }) => {
  test.setTimeout(120_000);
  // Two users, so each group's reads stay under the per-user read limit and nothing mixes.
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await new AuthPage(secondPage).signUp({ email: `five-tabs-${Date.now()}@example.com`, password: "correct-horse-42" });
  await expect(secondPage).toHaveURL(/\/generate/);

  const one = uniquePrompt("Watched by one tab");
  const five = uniquePrompt("Watched by five tabs");
  // Each task is a background (async) image: 1536x1024 is above the studio's direct-render
  // size, and an image render needs no ffmpeg, so no other test's video can queue in front of
  // it. Pixapi answers each task's first eight polls with 429 (Retry-After 1 s): the tracker
  // backs off (1 + 1 + 1.5 + 2.25 + 3.4 + 5.1 + 7.6 + 11.4 s), so each stays pending ~30 s,
  // long enough for six tabs to reload on a loaded machine, and is surely done by the ninth
  // poll. A latency-0 rule per task counts every poll the tracker makes.
  const counters = {
    one: await emulator.addRule({ match: { route: "GET /v1/tasks/:id", prompt_contains: one }, action: "latency", latency_ms: 0 }),
    five: await emulator.addRule({ match: { route: "GET /v1/tasks/:id", prompt_contains: five }, action: "latency", latency_ms: 0 }),
  };
  for (const marker of [one, five]) {
    await emulator.addRule({ match: { route: "GET /v1/tasks/:id", prompt_contains: marker }, action: "429", times: 8, retry_after: 1 });
  }

  // Open the tabs first (a busy machine takes a while to load six), then submit and reload
  // them all at once, so every tab watches the whole pending stretch.
  const fiveTabPages = [secondPage, ...(await Promise.all(Array.from({ length: 4 }, () => second.newPage())))];
  const tabs = [page, ...fiveTabPages].map((tab, i) => ({ page: tab, marker: i === 0 ? one : five, reads: countStatusReads(tab) }));
  await Promise.all(tabs.map(({ page: tab, marker }) => new GalleryPage(tab).goto(`?q=${encodeURIComponent(marker)}`)));

  const [genOne, genFive] = await Promise.all([
    new StudioApi(page.request).image(one, { size: "1536x1024" }),
    new StudioApi(secondPage.request).image(five, { size: "1536x1024" }),
  ]);
  for (const tab of tabs) Object.assign(tab.reads, { count: 0, pendingPolls: 0, pages: 0 });
  await Promise.all(tabs.map(({ page: tab }) => tab.reload()));
  for (const { page: tab } of tabs) await expect(new GalleryPage(tab).tiles.first()).toHaveAttribute("data-status", /queued|running/);

  for (const { page: tab } of tabs) {
    await expect(new GalleryPage(tab).tiles.first()).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  }
  expect((await new StudioApi(page.request).get(genOne.id))?.status).toBe("completed");
  expect((await new StudioApi(secondPage.request).get(genFive.id))?.status).toBe("completed");

  const upstream = { one: await emulator.hits(counters.one), five: await emulator.hits(counters.five) };
  const browserReads = { one: tabs[0]?.reads.count ?? 0, five: tabs.slice(1).reduce((n, t) => n + t.reads.count, 0) };
  test.info().annotations.push({ type: "polls", description: JSON.stringify({ upstream, browserReads }) });

  // The browsers really did poll more with more tabs...
  expect(browserReads.one).toBeGreaterThanOrEqual(2);
  // ...each tab through its one small pending poll, not by reloading its gallery page.
  for (const { reads } of tabs) {
    expect(reads.pendingPolls).toBeGreaterThanOrEqual(2);
    expect(reads.pages).toBeLessThanOrEqual(2);
  }
  expect(browserReads.five).toBeGreaterThanOrEqual(3 * browserReads.one);
  // ...but Pixapi saw the same tracker polls either way (±1 for the tracker's jitter).
  expect(upstream.one).toBeGreaterThanOrEqual(1);
  expect(Math.abs(upstream.five - upstream.one)).toBeLessThanOrEqual(1);
  await second.close();
});
