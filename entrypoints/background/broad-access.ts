import { browser } from 'wxt/browser';
import { holdsBroadAccess } from '@/utils/permissions';
import { updateSettings } from '@/utils/settings';

/**
 * Lookalike protection needs to read tab addresses (`tabs`, or the access to all sites granted
 * before): without it the browser hides them and no lookalike is stopped. When that access goes
 * outside our pages (Firefox's add-on permissions; Chrome's extension details can take back only the
 * access to all sites, never `tabs`), the setting turns off, so no page of ours says protection is on
 * while it is not.
 *
 * Access given back in the browser's settings does not turn it on again: protection is turned on
 * by the user's choice in our pages (welcome, options), which ask for the access and then set it.
 */
export function protectionFollowsAccess(): void {
  browser.permissions.onRemoved.addListener(() => turnOffWithoutAccess().catch((error: unknown) => console.warn('[reserve-radar] lookalike protection not turned off after the access went:', error)));
}

async function turnOffWithoutAccess(): Promise<void> {
  if (await holdsBroadAccess()) return;
  // Read and written in the settings' turn: a reset or another change made meanwhile is not undone.
  await updateSettings((current) => (current.lookalikeProtection ? { lookalikeProtection: false } : undefined));
}
