import { browser, type Browser } from 'wxt/browser';
import { patternReachesHost } from './match-pattern';

/**
 * The optional permission lookalike protection asks for: reading the addresses of open tabs (`tabs`), to check
 * them on the device. Moving a tab to our warning page needs no more. Chrome words it "Read your browsing
 * history", Firefox "Access browser tabs".
 */
export const TAB_ADDRESSES = { permissions: ['tabs'] } as { permissions: ['tabs'] };

/**
 * What lookalike protection asked for before it asked for `tabs`: the access to all sites. Never asked for as such
 * (the manifests list it as optional so a warning list's own host can be asked for, see listAccess), and
 * a user who granted it then keeps it over the update. It shows tab addresses as well, so such a user keeps
 * protection, and gives it back when protection goes.
 */
export const LEGACY_ALL_SITES = { origins: ['*://*/*'] };

/**
 * The access a warning list needs: its own host, asked for when the user subscribes. With it the
 * browser reads the list as the extension's own request: no Origin header (Firefox's would carry a
 * per-install id) and no CORS headers needed from the host. Any port: Firefox's match patterns
 * name none. Throws on a URL that does not parse.
 */
export function listAccess(url: string): { origins: [string] } {
  const { protocol, hostname } = new URL(url);
  return { origins: [`${protocol}//${hostname}/*`] };
}

/**
 * What came of asking the user for an access. The browser may also fail to ask: now (`failed`: a lost click, where
 * another click may do), or ever (`rejected`: it refuses the pattern itself, and asking again fails the same way).
 */
export type AccessAnswer = 'granted' | 'declined' | 'failed' | 'rejected';

/**
 * The browsers' words for a pattern they refuse: Chrome's "Invalid value for origin pattern …" and "Only permissions
 * specified in the manifest may be requested.", Firefox's "… since it was not declared in the manifest" and its
 * schema's "Type error for parameter …". Their words for a lost click ("user gesture", "user input handler") differ.
 */
const REJECTED_PATTERN = /origin pattern|in the manifest|type error for parameter/i;

/**
 * Asks the browser for `permissions`; a failure to ask is logged and answered apart from the user's
 * refusal (see AccessAnswer). The request goes out before anything is awaited: browsers ask only during a click.
 */
export function askAccess(permissions: { origins: string[] }): Promise<AccessAnswer> {
  let asked: Promise<boolean>;
  try {
    asked = browser.permissions.request(permissions);
  } catch (error) {
    asked = Promise.reject(error);
  }
  return asked.then(
    (granted) => (granted ? 'granted' : 'declined'),
    (error: unknown) => {
      console.warn(`[reserve-radar] the browser could not ask for ${permissions.origins.join(', ')}:`, error);
      return REJECTED_PATTERN.test(error instanceof Error ? error.message : String(error)) ? 'rejected' : 'failed';
    },
  );
}

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
 * before (lookalike protection), and `notifications`, each where the build asks for it at a click. The warning
 * lists' hosts go with the subscriptions, in their turn (giveBackListHosts).
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

/** One host, as `listAccess` asks for it. */
const ONE_HOST = /^(https?):\/\/([^/*]+)\/\*$/;

/**
 * Whether an access the manifest requires meets `origin` (a pattern held): its hosts, its permissions, or its
 * content scripts' matches, which Chromium grants from install too. Such an access is never asked to go: Chromium
 * refuses the removal (a site the user allowed under a content script's match) or withholds the required host
 * (see giveBackBroadAccess). Anything but one host (`scheme://host/*`) counts as required.
 */
export function meetsRequiredAccess(origin: string, manifest = browser.runtime.getManifest()): boolean {
  const [, scheme, host] = ONE_HOST.exec(origin) ?? [];
  if (scheme === undefined || host === undefined) return true;
  const required = [...(manifest.host_permissions ?? []), ...((manifest.permissions ?? []) as string[]), ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? [])];
  return required.some((pattern) => patternReachesHost(pattern, scheme, host));
}

/**
 * Every single-host access held that no required access meets (see meetsRequiredAccess): the warning lists'
 * (Firefox keeps them when the access to all sites goes; Chromium takes them with it). Each on its own, so one
 * refusal keeps none of the others. Called with the subscriptions cleared, in their turn; `keep` names the hosts
 * (as `listAccess` asks for them) of subscribes under way, whose pages were just given them. Never throws;
 * answers whether all went (logged when not).
 */
export async function giveBackListHosts(keep: readonly string[] = []): Promise<boolean> {
  try {
    const manifest = browser.runtime.getManifest();
    const held = (await browser.permissions.getAll()).origins ?? [];
    const lists = held.filter((origin) => !meetsRequiredAccess(origin, manifest) && !keep.includes(origin));
    const removed = await Promise.all(
      lists.map((origin) =>
        browser.permissions.remove({ origins: [origin] }).then(
          () => true,
          (error: unknown) => {
            console.warn(`[reserve-radar] access to ${origin} not given back:`, error);
            return false;
          },
        ),
      ),
    );
    return removed.every(Boolean);
  } catch (error) {
    console.warn('[reserve-radar] list hosts not given back:', error);
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
