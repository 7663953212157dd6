import { test, expect } from "./fixtures";
import { GalleryPage, StudioApi } from "./pages/gallery-page";
import { uniquePrompt } from "./support/emulator";

declare global {
  interface Window {
    __notes: { title: string; tag?: string; note: { onclick: (() => void) | null } }[];
    __hidden: boolean;
  }
}

test.describe("tab and browser signals", () => {
  test.describe.configure({ timeout: 150_000 });

  test("the title counts a running video; a hidden tab is notified when it ends, and the notification opens it", async ({ page, signedIn: _ }) => {
    // Headless Chromium shows no notifications a test could see: record them instead, and
    // let the test hide the tab. Everything else (permission flow, title) is the real page.
    await page.addInitScript(() => {
      window.__notes = [];
      window.__hidden = false;
      class RecordedNotification {
        static permission: NotificationPermission = "default";
        static async requestPermission(): Promise<NotificationPermission> {
          RecordedNotification.permission = "granted";
          return "granted";
        }
        onclick: (() => void) | null = null;
        constructor(title: string, options?: NotificationOptions) {
          window.__notes.push({ title, tag: options?.tag, note: this });
        }
        close() {}
      }
      Object.defineProperty(window, "Notification", { value: RecordedNotification, configurable: true });
      Object.defineProperty(document, "visibilityState", { get: () => (window.__hidden ? "hidden" : "visible"), configurable: true });
    });

    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("Waves rolling onto a pebble beach");
    const video = await api.video(prompt);
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await expect(page).toHaveTitle(/^\(1\) \d{1,3}% · Pixapi Studio$/);
    // Nothing was asked on load; the user asks for notifications with the button.
    expect(await page.evaluate(() => window.__notes.length)).toBe(0);
    const notify = page.getByRole("button", { name: "Notify me when done" });
    await notify.click();
    await expect(notify).toBeHidden();

    await page.evaluate(() => (window.__hidden = true));
    await expect.poll(() => page.evaluate(() => window.__notes.map((n) => `${n.title}|${n.tag}`)), { timeout: 120_000 }).toEqual([`Video ready · Pixapi Studio|${video.id}`]);
    await expect(page).toHaveTitle("Gallery · Pixapi Studio");

    await page.evaluate(() => window.__notes[0]?.note.onclick?.());
    await expect(page).toHaveURL(new RegExp(`/gallery\\?open=${video.id}$`));
    await expect(gallery.detail).toBeVisible();
  });
});
