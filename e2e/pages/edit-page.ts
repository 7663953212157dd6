import { expect, type Locator, type Page } from "@playwright/test";
import { StudioResults } from "../support/studio-results";

/** What a person does on /edit, in their words. */
export class EditPage {
  readonly form: Locator;
  readonly fileInput: Locator;
  readonly previews: Locator;
  readonly prompt: Locator;
  readonly submit: Locator;
  readonly results: StudioResults;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Edit images" });
    this.fileInput = page.getByLabel("Add reference images");
    this.previews = page.getByRole("list", { name: "Reference images" }).getByRole("listitem");
    this.prompt = page.getByLabel("Prompt", { exact: true });
    this.submit = page.getByRole("button", { name: "Apply edit", exact: true });
    this.results = new StudioResults(page);
  }

  async goto(query = "") {
    await this.page.goto(`/edit${query}`);
  }

  /** Picks files with the file picker (one batch, as a multi-select would). */
  async upload(files: Parameters<Locator["setInputFiles"]>[0]) {
    await this.fileInput.setInputFiles(files);
  }

  preview(position: number): Locator {
    return this.previews.nth(position - 1).getByRole("img");
  }

  async expectPreviewNames(names: string[]) {
    await expect(this.previews).toHaveCount(names.length);
    for (const [i, name] of names.entries()) await expect(this.preview(i + 1)).toHaveAccessibleName(`Reference image ${i + 1}: ${name}`);
  }

  async edit(prompt: string): Promise<Locator> {
    await this.prompt.fill(prompt);
    await this.submit.click();
    const card = this.results.card(prompt);
    await expect(card).toBeVisible();
    return card;
  }
}
