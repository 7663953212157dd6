import { request, type FullConfig } from "@playwright/test";
import { E2E_ADMIN } from "./pages/admin-page";

/**
 * Runs once, after the web server is up and before any (parallel) test: signs up the e2e
 * admin as the studio's very first account, which is how it becomes admin (the e2e
 * database is fresh every run). Then proves it by signing in and reading the admin API, so
 * a broken first-account rule fails here, loudly, instead of in some later admin test.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("e2e global setup: no baseURL in playwright.config.ts");
  const api = await request.newContext({ baseURL });
  try {
    const signUp = await api.post("/api/sign-up", { data: E2E_ADMIN });
    if (signUp.status() !== 201) throw new Error(`e2e admin sign-up answered ${signUp.status()}: ${await signUp.text()}`);
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await api.post("/api/auth/callback/credentials", { form: { ...E2E_ADMIN, csrfToken, json: "true" } });
    if (!signIn.ok()) throw new Error(`e2e admin sign-in answered ${signIn.status()}`);
    const users = await api.get("/api/admin/users");
    if (users.status() !== 200) throw new Error(`the first account is not an admin: GET /api/admin/users answered ${users.status()}`);
  } finally {
    await api.dispose();
  }
}
