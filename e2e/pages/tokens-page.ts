import { expect, type Locator, type Page } from "@playwright/test";

/** What a person sees and does on /tokens. */
export class TokensPage {
  readonly name: Locator;
  readonly expires: Locator;
  readonly create: Locator;
  readonly newToken: Locator;
  readonly list: Locator;
  readonly baseUrl: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Token name");
    this.expires = page.getByLabel("Expires");
    this.create = page.getByRole("button", { name: "Create token" });
    this.newToken = page.getByLabel("Your new API token");
    this.list = page.getByRole("list", { name: "Your API tokens" });
    this.baseUrl = page.getByRole("textbox", { name: "Base URL" });
  }

  async goto() {
    await this.page.goto("/tokens");
    await expect(this.page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  }

  /** Creates a token and returns it, read from the one place it is ever shown. */
  async createToken(name: string, expires = "In 90 days"): Promise<string> {
    await this.name.fill(name);
    await this.expires.selectOption({ label: expires });
    await this.create.click();
    await expect(this.newToken).toBeVisible();
    return this.newToken.inputValue();
  }

  row(name: string): Locator {
    return this.list.getByRole("listitem").filter({ hasText: name });
  }

  async revoke(name: string) {
    await this.page.getByRole("button", { name: `Revoke token ${name}` }).click();
    await expect(this.row(name)).toHaveCount(0);
  }
}
