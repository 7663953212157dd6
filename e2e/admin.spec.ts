import { test, expect } from "./fixtures";
import { AdminPage, E2E_ADMIN } from "./pages/admin-page";
import { AuthPage } from "./pages/auth-page";
import { GeneratePage } from "./pages/generate-page";
import { UsagePage } from "./pages/usage-page";
import { uniquePrompt } from "./support/emulator";
import { snapshots } from "./support/screenshots";
import { toast } from "./support/toasts";
import type { Browser, Page } from "@playwright/test";

/** The admin, signed in in a browser context of their own. */
async function openAdmin(browser: Browser): Promise<{ admin: AdminPage; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPage(page).signIn(E2E_ADMIN);
  await expect(page).toHaveURL(/\/generate/);
  const admin = new AdminPage(page);
  await admin.goto();
  return { admin, close: () => context.close() };
}

/** A member signs up (global setup made the admin the first account, so this one is an ordinary user). */
async function signUpMember(page: Page, auth: AuthPage, user: { email: string; password: string }) {
  await auth.signUp(user);
  await expect(page).toHaveURL(/\/generate/);
}

test.describe("admin", () => {
  test("a user over budget sees the refusal before anything is spent", async ({ browser, page, auth, user }) => {
    await signUpMember(page, auth, user);
    const { admin, close } = await openAdmin(browser);
    try {
      await admin.setAllowance(user.email, 0.5);
    } finally {
      await close();
    }

    const studio = new GeneratePage(page);
    await studio.goto();
    const prompt = uniquePrompt("A lighthouse I can't afford");
    await studio.fill({ prompt });
    // Warned next to the button before sending...
    await expect(page.getByTestId("budget-hint")).toHaveText(/This needs 1 credit; you have 0\.5 credits left this month\./);
    // ...and refused by the server if sent anyway, with nothing held or charged.
    await studio.submit.click();
    const alert = toast(page, "You've reached your usage limit");
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("This needs 1 credit, more than your whole allowance of 0.5 credits per month.");
    await expect(studio.results.card(prompt)).toHaveCount(0);

    const usage = new UsagePage(page);
    await usage.goto();
    await expect(page.getByText("Nothing spent yet.")).toBeVisible();
    await expect(usage.budget).toContainText("0.5");
    await expect(usage.budget).toContainText("Your own allowance, set by an administrator.");
  });

  test("an admin disables a user: their session stops and sign-in says why", async ({ browser, page, auth, user }) => {
    await signUpMember(page, auth, user);
    const { admin, close } = await openAdmin(browser);
    try {
      await admin.setDisabled(user.email, true);
      // An admin can't lock themselves out.
      await expect(admin.row(E2E_ADMIN.email).getByRole("button", { name: `Disable ${E2E_ADMIN.email}` })).toBeDisabled();
    } finally {
      await close();
    }

    expect((await page.request.get("/api/usage/summary")).status()).toBe(401);
    await page.goto("/usage");
    await expect(page).toHaveURL(/\/sign-in/);
    await auth.fillSignIn(user);
    await expect(page.getByRole("alert").filter({ hasText: "This account has been disabled" })).toBeVisible();
  });

  test("an admin makes a user an admin, after confirming: the Admin page opens for them", async ({ browser, page, auth, user }) => {
    await signUpMember(page, auth, user);
    await page.goto("/admin");
    await expect(page.getByText("Only studio administrators can see this page.")).toBeVisible();

    const { admin, close } = await openAdmin(browser);
    try {
      // Nobody is offered for promotion twice, and the admin's own row has no button.
      await expect(admin.row(E2E_ADMIN.email).getByRole("button", { name: `Make admin: ${E2E_ADMIN.email}` })).toHaveCount(0);
      await admin.promote(user.email, { beforeConfirm: () => snapshots(admin.page, "admin-promote-dialog") });
    } finally {
      await close();
    }

    // The member's own session is an admin's now: the page and its nav entry appear.
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Admin" })).toBeVisible();
    await expect(new AdminPage(page).row(user.email).getByText("Admin", { exact: true })).toBeVisible();
  });

  test("only admins see the Admin page and its nav entry", async ({ page, auth, user }) => {
    await signUpMember(page, auth, user);
    await expect(page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Admin" })).toHaveCount(0);
    await page.goto("/admin");
    await expect(page.getByText("Only studio administrators can see this page.")).toBeVisible();
    expect((await page.request.get("/api/admin/users")).status()).toBe(403);
  });
});
