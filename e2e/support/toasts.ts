import type { Locator, Page } from "@playwright/test";

/** A toast whose text matches: an item of the Notifications region sonner keeps. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole("region", { name: /^Notifications/ }).getByRole("listitem").filter({ hasText: text });
}
