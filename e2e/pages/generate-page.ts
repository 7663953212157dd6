import { expect, type Locator, type Page } from "@playwright/test";
import { StudioResults } from "../support/studio-results";

/** What a person does on /generate, in their words. */
export class GeneratePage {
  readonly prompt: Locator;
  readonly model: Locator;
  readonly size: Locator;
  readonly width: Locator;
  readonly height: Locator;
  readonly estimate: Locator;
  readonly submit: Locator;
  readonly results: StudioResults;

  constructor(readonly page: Page) {
    this.prompt = page.getByLabel("Prompt", { exact: true });
    this.model = page.getByLabel("Model", { exact: true });
    this.size = page.getByLabel("Size", { exact: true });
    this.width = page.getByLabel("Width", { exact: true });
    this.height = page.getByLabel("Height", { exact: true });
    this.estimate = page.getByRole("status", { name: "Estimated cost" });
    this.submit = page.getByRole("button", { name: "Generate", exact: true });
    this.results = new StudioResults(page);
  }

  async goto(query = "") {
    await this.page.goto(`/generate${query}`);
  }

  /** Picks an option of a segmented control (a radio group) by clicking its label. */
  async choose(group: "Number of images" | "Quality", option: string) {
    const radios = this.page.getByRole("group", { name: group });
    await radios.getByText(option, { exact: true }).click();
    await expect(radios.getByRole("radio", { name: option, exact: true })).toBeChecked();
  }

  async fill({ prompt, n, size, quality }: { prompt: string; n?: number; size?: string; quality?: string }) {
    await this.prompt.fill(prompt);
    if (n) await this.choose("Number of images", String(n));
    if (size) await this.size.selectOption(size);
    if (quality) await this.choose("Quality", quality);
  }

  async generate(input: { prompt: string; n?: number; size?: string; quality?: string }): Promise<Locator> {
    await this.fill(input);
    await this.submit.click();
    const card = this.results.card(input.prompt);
    await expect(card).toBeVisible();
    return card;
  }
}
