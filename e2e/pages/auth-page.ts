import { expect, type Page } from "@playwright/test";

/** What a person does on the sign-up / sign-in screens, in their words. */
export class AuthPage {
  constructor(private readonly page: Page) {}

  async signUp({ email, password, name }: { email: string; password: string; name?: string }) {
    await this.page.goto("/sign-up");
    if (name) await this.page.getByLabel("Name (optional)").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn({ email, password }: { email: string; password: string }) {
    await this.page.goto("/sign-in");
    await this.fillSignIn({ email, password });
  }

  async fillSignIn({ email, password }: { email: string; password: string }) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async openAccountMenu() {
    await this.page.getByRole("button", { name: "Account menu" }).click();
  }

  async signOut() {
    await this.openAccountMenu();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/sign-in/);
  }

  async expectSignedInAs(email: string) {
    await this.openAccountMenu();
    await expect(this.page.getByTestId("user-email")).toHaveText(email);
    await this.page.keyboard.press("Escape");
  }
}
