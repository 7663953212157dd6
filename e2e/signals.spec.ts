import { test, expect } from "./fixtures";
import { GalleryPage, StudioApi } from "./pages/gallery-page";
import { uniquePrompt } from "./support/emulator";
import { clickNotification, recordedNotifications, recordNotifications, setTabHidden } from "./support/notifications";

test.describe("tab and browser signals", () => {
  test.describe.configure({ timeout: 150_000 });

  test("the title counts a running video; a hidden tab is notified when it ends, and the notification opens it", async ({ page, signedIn: _ }) => {
    await recordNotifications(page);

    const api = new StudioApi(page.request);
    const prompt = uniquePrompt("Waves rolling onto a pebble beach");
    const video = await api.video(prompt);
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await expect(page).toHaveTitle(/^\(1\) \d{1,3}% · Pixapi Studio$/);
    // Nothing was asked on load; the user asks for notifications with the button.
    expect(await recordedNotifications(page)).toHaveLength(0);
    const notify = page.getByRole("button", { name: "Notify me when done" });
    await notify.click();
    await expect(notify).toBeHidden();

    await setTabHidden(page, true);
    await expect.poll(() => recordedNotifications(page), { timeout: 120_000 }).toEqual([{ title: "Video ready · Pixapi Studio", tag: video.id }]);
    await expect(page).toHaveTitle("Gallery · Pixapi Studio");

    await clickNotification(page, 0);
    await expect(page).toHaveURL(new RegExp(`/gallery\\?open=${video.id}$`));
    await expect(gallery.detail).toBeVisible();
  });
});
