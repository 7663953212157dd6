import type { Page } from "@playwright/test";

/**
 * With E2E_SCREENSHOTS=1, saves what the page shows to docs/screenshots/<name>-<desktop|phone>[-dark].png
 * at 1280 wide and at phone width, light and dark, then puts the page back as it was.
 * Off by default: screenshots are for people reviewing the UI, not a test result.
 */
export async function snapshots(page: Page, name: string, { widths = ["desktop", "phone"] as ("desktop" | "phone")[] } = {}): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== "1") return;
  const original = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize(width === "desktop" ? { width: 1280, height: 860 } : { width: 412, height: 860 });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // The theme follows prefers-color-scheme through a class set at boot and on change.
      // The event is how the page's own readers (the toaster's theme) learn of it, as after the theme toggle.
      await page.evaluate((dark) => {
        document.documentElement.classList.toggle("dark", dark);
        window.dispatchEvent(new Event("studio-theme-change"));
      }, scheme === "dark");
      await page.waitForTimeout(300);
      await page.screenshot({ path: `docs/screenshots/${name}-${width}${scheme === "dark" ? "-dark" : ""}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => {
    document.documentElement.classList.remove("dark");
    window.dispatchEvent(new Event("studio-theme-change"));
  });
  if (original) await page.setViewportSize(original);
}
