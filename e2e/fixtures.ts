import { test as base, expect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { AuthPage } from "./pages/auth-page";

export interface TestUser {
  email: string;
  password: string;
}

/** Every test gets its own fresh user, so tests never see each other's data. */
export const test = base.extend<{ auth: AuthPage; user: TestUser; signedIn: TestUser }>({
  auth: async ({ page }, use) => use(new AuthPage(page)),
  user: async ({}, use) => use({ email: `user-${randomUUID().slice(0, 8)}@example.com`, password: "correct-horse-42" }),
  signedIn: async ({ auth, user, page }, use) => {
    await auth.signUp(user);
    await expect(page).toHaveURL(/\/generate/);
    await use(user);
  },
});

export { expect };
