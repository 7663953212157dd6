import { expect, type Locator, type Page } from "@playwright/test";

/** What a person does on /video, in their words. */
export class VideoPage {
  readonly form: Locator;
  readonly prompt: Locator;
  readonly model: Locator;
  readonly duration: Locator;
  readonly estimate: Locator;
  readonly submit: Locator;
  readonly addImage: Locator;
  readonly startImage: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Generate a video" });
    this.prompt = page.getByLabel("Prompt", { exact: true });
    this.model = page.getByLabel("Model", { exact: true });
    this.duration = page.getByRole("slider", { name: "Duration" });
    this.estimate = page.getByRole("status", { name: "Estimated cost" });
    this.submit = page.getByRole("button", { name: "Generate video" });
    this.addImage = page.getByLabel("Add a start image");
    this.startImage = page.getByRole("img", { name: /^Start image:/ });
    this.results = page.getByRole("list", { name: "Videos" }).getByRole("article");
  }

  async goto(query = "") {
    await this.page.goto(`/video${query}`);
    await expect(this.page.getByRole("heading", { name: "Video", exact: true })).toBeVisible();
  }

  /** Sets the duration the way a keyboard user would: Home, then one step right per second. */
  async setDuration(seconds: number) {
    await this.duration.focus();
    await this.page.keyboard.press("Home");
    const min = Number(await this.duration.getAttribute("min"));
    for (let s = min; s < seconds; s += 1) await this.page.keyboard.press("ArrowRight");
    await expect(this.duration).toHaveValue(String(seconds));
  }

  async chooseShape(name: "Landscape" | "Portrait" | "Square") {
    const group = this.page.getByRole("group", { name: "Shape" });
    await group.getByText(name, { exact: true }).click();
    await expect(this.shape(name)).toBeChecked();
  }

  shape(name: "Landscape" | "Portrait" | "Square"): Locator {
    return this.page.getByRole("group", { name: "Shape" }).getByRole("radio", { name: new RegExp(`^${name}`) });
  }

  async fill({ prompt, model, duration, shape }: { prompt: string; model?: string; duration?: number; shape?: "Landscape" | "Portrait" | "Square" }) {
    await this.prompt.fill(prompt);
    if (model) await this.model.selectOption(model);
    if (duration) await this.setDuration(duration);
    if (shape) await this.chooseShape(shape);
  }

  /** Submits and returns the new result card. */
  async generate(input: Parameters<VideoPage["fill"]>[0]): Promise<Locator> {
    await this.fill(input);
    await this.submit.click();
    const card = this.result(input.prompt);
    await expect(card).toBeVisible();
    return card;
  }

  result(prompt: string): Locator {
    return this.results.filter({ hasText: prompt });
  }

  progress(card: Locator): Locator {
    return card.getByRole("progressbar", { name: "Video progress" });
  }

  player(card: Locator): Locator {
    return card.locator("video");
  }

  /** Renders are real ffmpeg work, which a busy machine can slow down a lot. */
  async expectDone(card: Locator) {
    await expect(card.getByText("Done", { exact: true })).toBeVisible({ timeout: 90_000 });
  }

  /**
   * Starts recording every value the card's progress bar shows, from before it exists, so a
   * fast task can't slip between two looks. Read them back with `recordedProgress`.
   */
  async recordProgress() {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __videoProgress: number[] }).__videoProgress = seen;
      const look = () => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Video progress"]');
        const value = bar ? Number(bar.getAttribute("aria-valuenow")) : NaN;
        if (!Number.isNaN(value) && seen[seen.length - 1] !== value) seen.push(value);
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
    });
  }

  async recordedProgress(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __videoProgress?: number[] }).__videoProgress ?? []);
  }
}

/** Plays a <video> muted (autoplay rules) and waits until it has really decoded frames. */
export async function expectPlays(video: Locator) {
  await video.scrollIntoViewIfNeeded();
  await video.evaluate(async (el: HTMLVideoElement) => {
    el.muted = true;
    await el.play();
  });
  await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState), { message: "the video has frames to show" }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.duration)).toBeGreaterThan(0);
  await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.currentTime), { message: "playback advances" }).toBeGreaterThan(0);
  await video.evaluate((el: HTMLVideoElement) => el.pause());
}
