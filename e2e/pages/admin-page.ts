import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The e2e admin: e2e/global-setup.ts signs it up as the fresh database's very first account
 * (which is what makes it an admin) before any test starts.
 */
export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "admin-horse-battery-42" };

/** What an admin does on /admin. */
export class AdminPage {
  readonly users: Locator;

  constructor(readonly page: Page) {
    this.users = page.getByRole("list", { name: "Users" });
  }

  async goto() {
    await this.page.goto("/admin");
    await expect(this.page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  }

  row(email: string): Locator {
    return this.users.getByRole("listitem", { name: email, exact: true });
  }

  async setAllowance(email: string, credits: number) {
    const row = this.row(email);
    await row.getByRole("button", { name: `Change allowance for ${email}` }).click();
    await row.getByLabel(`Allowance in credits for ${email}`).fill(String(credits));
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row.getByTestId("allowance")).toHaveText(credits === 1 ? "1 credit" : `${credits} credits`);
    await expect(row.getByText("custom", { exact: true })).toBeVisible();
  }

  async setDisabled(email: string, disabled: boolean) {
    const row = this.row(email);
    await row.getByRole("button", { name: `${disabled ? "Disable" : "Enable"} ${email}` }).click();
    if (disabled) {
      // Disabling asks first; cancelling changes nothing.
      const dialog = this.page.getByRole("alertdialog", { name: `Disable ${email}?` });
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      await expect(row.getByText("Disabled", { exact: true })).toBeHidden();
      await row.getByRole("button", { name: `Disable ${email}` }).click();
      await dialog.getByRole("button", { name: "Disable account" }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible({ visible: disabled });
  }

  /** "Make admin", confirmed; cancelling first changes nothing. `beforeConfirm` sees the open dialog (screenshots). */
  async promote(email: string, { beforeConfirm }: { beforeConfirm?: () => Promise<void> } = {}) {
    const row = this.row(email);
    const button = row.getByRole("button", { name: `Make admin: ${email}` });
    await button.click();
    const dialog = this.page.getByRole("alertdialog", { name: `Make ${email} an admin?` });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByText("Admin", { exact: true })).toBeHidden();
    await button.click();
    await expect(dialog).toBeVisible();
    await beforeConfirm?.();
    await dialog.getByRole("button", { name: "Make admin" }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByText("Admin", { exact: true })).toBeVisible();
    await expect(button).toHaveCount(0);
  }
}
