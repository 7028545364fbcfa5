import { browser } from 'wxt/browser';

/** The optional access lookalike protection needs: every site's address, to check it locally. */
export const BROAD_ACCESS = { origins: ['*://*/*'] };

/** The optional permission holdings reminders need; asked for when the user turns one on. */
export const NOTIFICATIONS = { permissions: ['notifications'] } as { permissions: ['notifications'] };

/**
 * Gives back the access to all sites, if the browser holds it. Chromium answers any removal of that
 * pattern, even one never granted, by withholding every host the manifest requires that it covers (the
 * feed, DefiLlama, the ECB), and asking for them again opens a prompt; so nothing is removed unless held.
 * A removal of a granted access still withholds them: Chromium gives no way to keep them.
 */
export async function giveBackBroadAccess(): Promise<void> {
  if (await browser.permissions.contains(BROAD_ACCESS)) await browser.permissions.remove(BROAD_ACCESS);
}

/**
 * Gives back every optional permission the user granted (a reset): the access to all sites, and
 * `notifications` where the build asks for it at a click. A build may also require `notifications`
 * from install (the notifications-granted test build lists it as required and as optional), and the
 * browser refuses the whole removal when it names a required permission, so that one stays.
 *
 * Never throws: the reset or delete it belongs to has done its work; answers whether the browser
 * took the permissions back, so the page can say so when it did not.
 */
export async function removeOptionalPermissions(): Promise<boolean> {
  const manifest = browser.runtime.getManifest();
  const removable = (manifest.optional_permissions ?? []).includes('notifications') && !(manifest.permissions ?? []).includes('notifications');
  try {
    // Only what the browser holds: see giveBackBroadAccess for what Chromium does with the rest.
    const broad = await browser.permissions.contains(BROAD_ACCESS);
    if (!broad && !removable) return true;
    await browser.permissions.remove({ ...(broad ? BROAD_ACCESS : {}), ...(removable ? NOTIFICATIONS : {}) });
    return true;
  } catch (error) {
    console.warn('[reserve-radar] optional permissions not given back:', error);
    return false;
  }
}

/**
 * Stores a setting that wanted `notifications`, given at this click (`freshlyGranted`): when storage refuses it, the
 * permission goes back too, since no stored setting wants it and nothing else held it before. Rejects as `write` does.
 */
export async function storeOrGiveBackNotifications(freshlyGranted: boolean, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (freshlyGranted) await browser.permissions.remove(NOTIFICATIONS).catch((removal: unknown) => console.warn('[reserve-radar] notifications not given back:', removal));
    throw error;
  }
}
