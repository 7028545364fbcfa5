import { browser, type Browser } from 'wxt/browser';

/**
 * The optional permission lookalike protection asks for: reading the addresses of open tabs (`tabs`), to check
 * them on the device. Moving a tab to our warning page needs no more. Chrome words it "Read your browsing
 * history", Firefox "Access browser tabs".
 */
export const TAB_ADDRESSES = { permissions: ['tabs'] } as { permissions: ['tabs'] };

/**
 * What lookalike protection asked for before it asked for `tabs`: the access to all sites. Never asked for any
 * more; the manifests list it as optional only so a user who granted it then keeps it over the update (Chromium
 * drops a grant its manifest no longer lists). It shows tab addresses as well, so such a user keeps protection,
 * and gives it back when protection goes.
 */
export const LEGACY_ALL_SITES = { origins: ['*://*/*'] };

/** The optional permission holdings reminders need; asked for when the user turns one on. */
export const NOTIFICATIONS = { permissions: ['notifications'] } as { permissions: ['notifications'] };

/** Whether the browser shows us tab addresses, as lookalike protection needs: `tabs`, or the access to all sites granted before. */
export async function holdsBroadAccess(): Promise<boolean> {
  const [tabs, allSites] = await Promise.all([browser.permissions.contains(TAB_ADDRESSES), browser.permissions.contains(LEGACY_ALL_SITES)]);
  return tabs || allSites;
}

/**
 * The optional permissions in `names` the manifest lets us give back: a build may also require one from install
 * (the test builds that grant `notifications` or `tabs` list it as required and as optional), and the browser
 * refuses the whole removal when it names a required permission, so that one stays.
 */
function removable(names: readonly Browser.runtime.ManifestPermission[]): Browser.runtime.ManifestPermission[] {
  const manifest = browser.runtime.getManifest();
  return names.filter((name) => (manifest.optional_permissions ?? []).includes(name) && !(manifest.permissions ?? []).includes(name));
}

/**
 * Gives back the access to all sites, if the browser holds it. Chromium answers any removal of that pattern, even
 * one never granted, by withholding every host the manifest requires that it covers (the feed, DefiLlama, the
 * ECB), and asking for them again opens a prompt; so nothing is removed unless held. A removal of a granted
 * access still withholds them: Chromium gives no way to keep them. Apart from other removals, so that a browser
 * refusing it keeps nothing else.
 */
async function giveBackLegacyAllSites(): Promise<void> {
  if (await browser.permissions.contains(LEGACY_ALL_SITES)) await browser.permissions.remove(LEGACY_ALL_SITES);
}

/** Gives back what lookalike protection was granted: `tabs`, and the access to all sites if held. */
export async function giveBackBroadAccess(): Promise<void> {
  const tabs = removable(TAB_ADDRESSES.permissions);
  if (tabs.length > 0 && (await browser.permissions.contains(TAB_ADDRESSES))) await browser.permissions.remove({ permissions: tabs });
  await giveBackLegacyAllSites();
}

/**
 * Gives back every optional permission the user granted (a reset): `tabs` and the access to all sites granted
 * before (lookalike protection), and `notifications`, each where the build asks for it at a click.
 *
 * Never throws: the reset or delete it belongs to has done its work; answers whether the browser
 * took the permissions back, so the page can say so when it did not. A false does not say which one
 * stayed (`tabs` and notifications may be gone when only the access to all sites was refused), so
 * the page's words say what may remain.
 */
export async function removeOptionalPermissions(): Promise<boolean> {
  try {
    const permissions = removable([...TAB_ADDRESSES.permissions, ...NOTIFICATIONS.permissions]);
    if (permissions.length > 0) await browser.permissions.remove({ permissions });
    await giveBackLegacyAllSites();
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
