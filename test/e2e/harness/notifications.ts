// VS Code's notifications as a user meets them in the page: a toast in the corner for about ten seconds (longer
// while the mouse is over it), then an entry in the notification center behind the bell in the status bar.
// Toasts never show under the smoke-test driver (see codeServer.ts), so look for them in a session without it.
import type { Locator, Page } from 'playwright-core';

/** The toast showing a notification whose text matches `message`. */
export function notificationToast(page: Page, message: RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast', { hasText: message });
}

/**
 * Clicks `button` of the notification matching `message`: on its toast while it is shown, else in the notification
 * center opened from the bell, as a user who looked away for a moment would. Says where it was clicked.
 */
export async function clickNotificationButton(page: Page, message: RegExp, button: string): Promise<'toast' | 'notification center'> {
  const onToast = notificationToast(page, message).getByRole('button', { name: button, exact: true });
  // The toast may hide between looking and clicking: then it is in the center like any older notification.
  const clicked =
    (await onToast.isVisible()) &&
    (await onToast.click({ timeout: 5_000 }).then(
      () => true,
      () => false,
    ));
  if (clicked) return 'toast';
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible())) await page.locator('.statusbar-item[id="status.notifications"]').click();
  await center.waitFor({ state: 'visible', timeout: 30_000 });
  const entry = center.locator('.notifications-list-container .monaco-list-row', { hasText: message }).first();
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  // The center shows an entry's buttons once the entry is selected (or hovered).
  await entry.click();
  await entry.getByRole('button', { name: button, exact: true }).click();
  return 'notification center';
}
