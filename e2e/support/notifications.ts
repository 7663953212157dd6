import type { Page } from "@playwright/test";

/** One browser notification the page created: its title, tag, and the object (for its onclick). */
interface RecordedNote {
  title: string;
  tag?: string;
  note: { onclick: (() => void) | null };
}

declare global {
  interface Window {
    __notes: RecordedNote[];
    __hidden: boolean;
  }
}

/**
 * Headless Chromium shows no notifications a test could see, and its tab is never hidden:
 * before the page loads, this swaps in a Notification that records what the page asks for
 * (granting permission when asked) and a visibilityState the test can flip. Everything else
 * (the permission flow, the title) is the real page.
 */
export async function recordNotifications(page: Page): Promise<void> {
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
}

/** Hides (or shows again) the tab, as far as the page can tell. */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => (window.__hidden = value), hidden);
}

/** Title and tag of every notification the page has created so far. */
export function recordedNotifications(page: Page): Promise<{ title: string; tag?: string }[]> {
  return page.evaluate(() => window.__notes.map((n) => ({ title: n.title, tag: n.tag })));
}

/** Clicks the n-th notification, as the person would in the system tray. */
export async function clickNotification(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => window.__notes[i]?.note.onclick?.(), index);
}
