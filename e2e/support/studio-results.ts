import { expect, type Locator, type Page } from "@playwright/test";

/** The results column shared by Generate and Edit: one card (article) per generation. */
export class StudioResults {
  readonly cards: Locator;

  constructor(private readonly page: Page) {
    this.cards = page.getByRole("list", { name: "Results" }).getByRole("article");
  }

  card(prompt: string): Locator {
    return this.cards.filter({ hasText: prompt });
  }

  async expectDone(card: Locator) {
    await expect(card.getByText("Done", { exact: true })).toBeVisible({ timeout: 30_000 });
  }

  async expectFailed(card: Locator) {
    await expect(card.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
  }

  /** Every output image actually decoded (not just an <img> tag with a broken source). */
  async expectImagesLoaded(card: Locator, count: number) {
    const images = card.getByRole("list", { name: "Images" }).getByRole("img");
    await expect(images).toHaveCount(count);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
    }
  }
}
