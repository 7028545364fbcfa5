import { browser } from 'wxt/browser';

/** The optional access lookalike protection needs: every site's address, to check it locally. */
export const BROAD_ACCESS = { origins: ['*://*/*'] };

/** The optional permission holdings reminders need; asked for when the user turns one on. */
export const NOTIFICATIONS = { permissions: ['notifications'] } as { permissions: ['notifications'] };

/**
 * Gives back every optional permission the user granted (a reset): the access to all sites, and
 * `notifications` where the build asks for it at a click (a test build may hold it from install,
 * and the browser refuses to remove a permission the manifest requires).
 */
export async function removeOptionalPermissions(): Promise<void> {
  const optional = browser.runtime.getManifest().optional_permissions ?? [];
  await browser.permissions.remove({ ...BROAD_ACCESS, ...(optional.includes('notifications') ? NOTIFICATIONS : {}) });
}
