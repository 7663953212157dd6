/**
 * Screenshots of the studio's pages for docs/screenshots/ (and for looking at what we
 * build): generate, edit, video, gallery and usage at 1280 wide and at phone width, light
 * and dark. Runs against a studio that is already up (demo mode, its emulator), as a fresh
 * user it signs up; the generations it shows are made through the studio itself.
 *
 *   PORT=3205 EMULATOR_PORT=3206 npm start            # in one shell
 *   npx tsx scripts/screenshots.ts http://localhost:3205 [out-dir]
 */
import { chromium, devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const base = process.argv[2] ?? "http://localhost:3205";
const outDir = process.argv[3] ?? "docs/screenshots";
const PAGES = ["generate", "edit", "video", "gallery", "usage"] as const;
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
  phone: { ...devices["Pixel 7"] },
};
const SCHEMES = ["light", "dark"] as const;

interface Made {
  generate: string[];
  edit: string[];
  video: string[];
}

async function api<T>(context: BrowserContext, path: string, body: Record<string, unknown>): Promise<T> {
  const res = await context.request.post(`${base}${path}`, { data: body, headers: { "idempotency-key": randomUUID() } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

type Gen = { id: string; status: string; outputs: { id: string }[] };

async function settled(context: BrowserContext, id: string): Promise<Gen> {
  for (let i = 0; i < 240; i++) {
    const res = await context.request.get(`${base}/api/generations/${id}`);
    const { generation } = (await res.json()) as { generation: Gen };
    if (generation.status === "completed" || generation.status === "failed") return generation;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${id} never finished`);
}

/** A user with a small, varied gallery: images in three shapes, an edit and two videos. */
async function seed(browser: Browser): Promise<{ storage: Awaited<ReturnType<BrowserContext["storageState"]>>; made: Made }> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name (optional)").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(`screens-${randomUUID().slice(0, 8)}@example.com`);
  await page.getByLabel("Password").fill("correct-horse-42");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/generate/);
  // A brand-new gallery first, before anything is made.
  await page.goto("/gallery");
  await page.getByRole("heading", { name: "Your gallery is empty" }).waitFor();
  await settle(page);
  await shoot(page, "gallery-empty-desktop");

  const image = (prompt: string, size: string, n = 1) => api<{ generation: Gen }>(context, "/api/generations", { kind: "image", model: "gemini-2.5-flash-image", prompt, n, size, quality: "low" });
  const video = (prompt: string, size: string) => api<{ generation: Gen }>(context, "/api/generations", { kind: "video", model: "wan", prompt, duration: 3, size });
  const started = [
    await image("A lighthouse on a cliff at dawn, soft fog, watercolor", "1024x1024", 2),
    await image("A fox asleep in a field of snowdrops, morning light", "1536x1024"),
    await image("A tall glass of iced tea on a sunny windowsill, film photo", "1024x1536"),
    await video("Lanterns drifting up over a river at night", "16:9"),
    await video("Snow falling on a quiet village, slow push in", "9:16"),
  ].map((r) => r.generation.id);
  const done = await Promise.all(started.map((id) => settled(context, id)));

  // An edit, made as a person makes it: from a gallery image, through the form.
  const from = done[1]?.outputs[0]?.id;
  await page.goto(`/edit?from=${from}`);
  await page.getByLabel("Prompt", { exact: true }).fill("Make it golden hour, add soft lens flare");
  await page.getByRole("button", { name: "Apply edit", exact: true }).click();
  await page.getByRole("list", { name: "Results" }).getByRole("article").first().waitFor();
  const editIds = (await page.evaluate(() => JSON.parse(sessionStorage.getItem("pixapi-studio:results:edit") ?? "[]"))) as string[];
  await Promise.all(editIds.map((id) => settled(context, id)));

  const storage = await context.storageState();
  await context.close();
  return { storage, made: { generate: started.slice(0, 3).reverse(), edit: editIds, video: started.slice(3).reverse() } };
}

async function shoot(page: Page, name: string, fullPage = true) {
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

/** The account menu open from the keyboard, and a delete waiting on its Undo toast. */
async function shootKit(page: Page, suffix: string) {
  await page.goto("/gallery");
  await settle(page);
  await page.getByRole("button", { name: "Account menu" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menu", { name: "Account" }).waitFor();
  await shoot(page, `account-menu${suffix}`, false);
  await page.keyboard.press("Escape");

  await page.getByRole("list", { name: "Generations" }).getByRole("listitem").first().getByRole("button").first().click();
  const detail = page.getByRole("dialog");
  await detail.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  const undo = page.getByRole("region", { name: /^Notifications/ }).getByRole("button", { name: "Undo" });
  await undo.waitFor();
  await page.waitForTimeout(400);
  await shoot(page, `toast-undo${suffix}`, false);
  await undo.click();
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // Images decode and fade in; skeletons go.
  await page.waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(600);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const { storage, made } = await seed(browser);
  for (const [device, options] of Object.entries(VIEWPORTS)) {
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({ ...options, baseURL: base, storageState: storage, colorScheme: scheme, reducedMotion: "reduce" });
      // This tab's results, as if the person had made them here.
      await context.addInitScript((ids: Made) => {
        for (const [scope, list] of Object.entries(ids)) sessionStorage.setItem(`pixapi-studio:results:${scope}`, JSON.stringify(list));
      }, made);
      const page = await context.newPage();
      for (const name of PAGES) {
        await page.goto(`/${name}`);
        await settle(page);
        await shoot(page, `${name}-${device}${scheme === "dark" ? "-dark" : ""}`);
      }
      if (device === "desktop") await shootKit(page, scheme === "dark" ? "-desktop-dark" : "-desktop");
      await context.close();
    }
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
