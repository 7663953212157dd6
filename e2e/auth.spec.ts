import { test, expect } from "./fixtures";

test.describe("accounts", () => {
  test("a new user signs up, signs out and signs back in", async ({ page, auth, user }) => {
    await auth.signUp({ ...user, name: "Ada Creator" });
    await expect(page).toHaveURL(/\/generate$/);
    await expect(page.getByRole("heading", { name: "Generate", exact: true, level: 1 })).toBeVisible();
    await auth.expectSignedInAs(user.email);

    await auth.signOut();
    await page.goto("/gallery");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fgallery/);

    await auth.fillSignIn(user);
    await expect(page).toHaveURL(/\/gallery$/);
    await expect(page.getByRole("heading", { name: "Gallery", exact: true, level: 1 })).toBeVisible();
  });

  test("an unauthenticated visitor is sent to sign-in, then back to the page they wanted", async ({ page, auth, user }) => {
    await auth.signUp(user);
    await expect(page).toHaveURL(/\/generate/);
    await page.context().clearCookies();

    await page.goto("/usage");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fusage/);
    await auth.fillSignIn(user);
    await expect(page).toHaveURL(/\/usage$/);
  });

  test("a wrong password gets a clear message and no session", async ({ page, auth, user }) => {
    await auth.signUp(user);
    await expect(page).toHaveURL(/\/generate/);
    await page.context().clearCookies();

    await auth.signIn({ email: user.email, password: "not-the-password" });
    // (Next's route announcer is an empty role=alert too, hence the text filter.)
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
  });

  test("sign-up explains bad input and duplicate emails", async ({ page, auth, user }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();

    await auth.signUp(user);
    await expect(page).toHaveURL(/\/generate/);
    await page.context().clearCookies();
    await auth.signUp({ ...user, email: user.email.toUpperCase() });
    await expect(page.getByRole("alert").filter({ hasText: "An account with this email already exists." })).toBeVisible();
  });

  test("the shell works at phone width @phone", async ({ page, auth, user }) => {
    await auth.signUp(user);
    await expect(page).toHaveURL(/\/generate/);
    const nav = page.getByRole("navigation", { name: "Main" }).filter({ visible: true });
    await nav.getByRole("link", { name: "Video" }).click();
    await expect(page.getByRole("heading", { name: "Video", exact: true, level: 1 })).toBeVisible();
    await expect(page.getByText("Demo mode: images are rendered locally").filter({ visible: true })).toBeVisible();
  });
});
