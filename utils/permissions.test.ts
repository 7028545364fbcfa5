import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '@/tests/fake-permissions';
import english from '@/public/_locales/en/messages.json';
import { askAccess, giveBackBroadAccess, giveBackListHosts, holdsBroadAccess, LEGACY_ALL_SITES, NOTIFICATIONS, removeOptionalPermissions, TAB_ADDRESSES } from './permissions';

// The permission parts of the manifests the builds make (wxt.config.ts; `.output/*/manifest.json`).
const CHROME_RELEASE = { manifest_version: 3, permissions: ['storage', 'alarms', 'activeTab', 'offscreen'], optional_permissions: ['tabs', 'notifications'] };
const FIREFOX_RELEASE = { manifest_version: 2, permissions: ['storage', 'alarms', 'activeTab'], optional_permissions: ['tabs', 'notifications'] };
// RADAR_GRANT_NOTIFICATIONS=1 / RADAR_GRANT_TABS=1 (the test builds that grant at install): required and still optional.
const CHROME_NOTIFICATIONS_GRANTED = { ...CHROME_RELEASE, permissions: [...CHROME_RELEASE.permissions, 'notifications'] };
const CHROME_TABS_GRANTED = { ...CHROME_RELEASE, permissions: [...CHROME_RELEASE.permissions, 'tabs'] };

const useManifest = (shape: object) => vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ name: 'x', version: '1', ...shape } as never);
const holds = (asked: object) => fakeBrowser.permissions.contains(asked);

describe('what lookalike protection asks for', () => {
  test('reading the addresses of open tabs (`tabs`), not the access to all sites', () => {
    expect(TAB_ADDRESSES).toEqual({ permissions: ['tabs'] });
    expect(LEGACY_ALL_SITES).toEqual({ origins: ['*://*/*'] });
  });
});

describe('holdsBroadAccess: the access lookalike protection needs', () => {
  beforeEach(() => fakeBrowser.reset());

  test('held with `tabs`', async () => {
    await fakePermissions.grantInBrowser(TAB_ADDRESSES);
    expect(await holdsBroadAccess()).toBe(true);
  });

  test('held with the access to all sites a user granted before protection asked for `tabs`', async () => {
    await fakePermissions.grantInBrowser(LEGACY_ALL_SITES);
    expect(await holdsBroadAccess()).toBe(true);
  });

  test('not held with neither, nor with another permission', async () => {
    expect(await holdsBroadAccess()).toBe(false);
    await fakePermissions.grantInBrowser(NOTIFICATIONS);
    expect(await holdsBroadAccess()).toBe(false);
  });
});

describe('removeOptionalPermissions (a reset)', () => {
  beforeEach(() => fakeBrowser.reset());

  test.each([
    ['Chrome', CHROME_RELEASE],
    ['Firefox', FIREFOX_RELEASE],
  ])('%s: gives back `tabs`, the access to all sites granted before, and the notifications the user granted', async (_, shape) => {
    useManifest(shape);
    await fakePermissions.grantInBrowser({ ...TAB_ADDRESSES, ...LEGACY_ALL_SITES });
    await fakePermissions.grantInBrowser(NOTIFICATIONS);
    expect(await removeOptionalPermissions()).toBe(true);
    expect(await holds(TAB_ADDRESSES)).toBe(false);
    expect(await holds(LEGACY_ALL_SITES)).toBe(false);
    expect(await holds(NOTIFICATIONS)).toBe(false);
  });

  test.each([
    ['notifications', CHROME_NOTIFICATIONS_GRANTED, NOTIFICATIONS, TAB_ADDRESSES],
    ['tabs', CHROME_TABS_GRANTED, TAB_ADDRESSES, NOTIFICATIONS],
  ])('leaves %s alone where the manifest requires it, though it also lists it as optional (the browser refuses to remove those)', async (_, shape, required, optional) => {
    useManifest(shape);
    await fakePermissions.grantInBrowser({ ...TAB_ADDRESSES, ...LEGACY_ALL_SITES });
    await fakePermissions.grantInBrowser(NOTIFICATIONS);
    expect(await removeOptionalPermissions()).toBe(true);
    expect(await holds(LEGACY_ALL_SITES)).toBe(false);
    expect(await holds(optional)).toBe(false);
    expect(await holds(required)).toBe(true);
  });

  test('never asks the browser to remove the access to all sites it does not hold: Chromium withholds the required hosts on any removal of it', async () => {
    useManifest(CHROME_RELEASE);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    expect(await removeOptionalPermissions()).toBe(true);
    expect(remove).toHaveBeenCalledWith({ permissions: ['tabs', 'notifications'] });
    expect(remove.mock.calls.some(([asked]) => asked.origins !== undefined)).toBe(false);
  });

  test('a browser that refuses answers false and logs why, instead of throwing into the reset', async () => {
    useManifest(CHROME_RELEASE);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakePermissions.grantInBrowser(TAB_ADDRESSES);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockRejectedValue(new Error('refused'));
    expect(await removeOptionalPermissions()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('permissions'), expect.any(Error));
  });
  test('a browser that refuses only the access to all sites granted before: `tabs` and notifications are given back, and the notice shown for the false claims neither was kept', async () => {
    useManifest(CHROME_RELEASE);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakePermissions.grantInBrowser({ permissions: [...TAB_ADDRESSES.permissions, ...NOTIFICATIONS.permissions], ...LEGACY_ALL_SITES });
    const remove = fakeBrowser.permissions.remove.bind(fakeBrowser.permissions);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (asked) => (asked.origins === undefined ? remove(asked) : Promise.reject(new Error('refused'))));
    expect(await removeOptionalPermissions()).toBe(false);
    expect(await holds(TAB_ADDRESSES)).toBe(false);
    expect(await holds(NOTIFICATIONS)).toBe(false);
    expect(await holds(LEGACY_ALL_SITES)).toBe(true);
    // The false does not say which permission stayed, so the words (every locale says the same) say what may remain.
    for (const key of ['resetDonePermissionsKept', 'deleteDonePermissionsKept'] as const) {
      expect(english[key].message).toContain('it may still be able to read the addresses of your open tabs or show notifications');
      expect(english[key].message).not.toMatch(/did not take back Reserve Radar's permission to read/);
    }
  });
});

describe("giveBackListHosts: the warning lists' hosts, with the subscriptions cleared (a reset, Delete everything)", () => {
  beforeEach(() => fakeBrowser.reset());
  const LISTS = ['https://lists.example.org/*', 'https://warnings.example.net/*'];
  // What Chromium's getAll also names: the required hosts and the content scripts' matches.
  const REQUIRED = ['https://reserve-radar.github.io/*', 'https://api.llama.fi/*'];
  const CONTENT = '*://*.binance.com/*';
  const withHosts = (shape: object, hostsIn: 'host_permissions' | 'permissions') =>
    useManifest({
      ...shape,
      content_scripts: [{ matches: [CONTENT], js: ['content.js'] }],
      ...(hostsIn === 'host_permissions' ? { host_permissions: REQUIRED } : { permissions: [...((shape as { permissions: string[] }).permissions ?? []), ...REQUIRED] }),
    });

  test.each([
    ['Chrome', CHROME_RELEASE, 'host_permissions'],
    ['Firefox', FIREFOX_RELEASE, 'permissions'],
  ] as const)('%s: every list host held goes, and nothing the manifest requires is asked to', async (_, shape, hostsIn) => {
    withHosts(shape, hostsIn);
    await fakePermissions.grantInBrowser({ origins: [...LISTS, ...REQUIRED, CONTENT] });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    expect(await giveBackListHosts()).toBe(true);
    for (const origin of LISTS) expect(await fakeBrowser.permissions.contains({ origins: [origin] })).toBe(false);
    const asked = remove.mock.calls.flatMap(([permissions]) => permissions.origins ?? []);
    for (const origin of [...REQUIRED, CONTENT]) expect(asked).not.toContain(origin);
    expect(await fakeBrowser.permissions.contains({ origins: [...REQUIRED, CONTENT] })).toBe(true);
  });

  test('a host that one list needs and the manifest requires too stays: giving it back would have Chromium withhold it', async () => {
    withHosts(CHROME_RELEASE, 'host_permissions');
    await fakePermissions.grantInBrowser({ origins: ['https://api.llama.fi/*'] });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    expect(await giveBackListHosts()).toBe(true);
    expect(remove.mock.calls.flatMap(([permissions]) => permissions.origins ?? [])).toEqual([]);
    expect(await fakeBrowser.permissions.contains({ origins: ['https://api.llama.fi/*'] })).toBe(true);
  });

  test("a site the user allowed that a content script's match covers is not asked to go (Chromium refuses it): the lists' hosts go, and all is answered given back", async () => {
    useManifest({ ...CHROME_RELEASE, content_scripts: [{ matches: ['https://*.binance.com/*'], js: ['content.js'] }] });
    await fakePermissions.grantInBrowser({ origins: ['https://www.binance.com/*', 'https://binance.com/*', LISTS[0]!] });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    expect(await giveBackListHosts()).toBe(true);
    const asked = remove.mock.calls.flatMap(([permissions]) => permissions.origins ?? []);
    expect(asked).toEqual([LISTS[0]]);
    expect(await fakeBrowser.permissions.contains({ origins: [LISTS[0]!] })).toBe(false);
  });

  test('a host a subscribe under way was just given stays; the others go', async () => {
    useManifest(CHROME_RELEASE);
    await fakePermissions.grantInBrowser({ origins: LISTS });
    expect(await giveBackListHosts([LISTS[1]!])).toBe(true);
    expect(await fakeBrowser.permissions.contains({ origins: [LISTS[0]!] })).toBe(false);
    expect(await fakeBrowser.permissions.contains({ origins: [LISTS[1]!] })).toBe(true);
  });

  test('a required `*://` host keeps the same host held over https', async () => {
    useManifest({ ...CHROME_RELEASE, host_permissions: ['*://api.example.org/*'] });
    await fakePermissions.grantInBrowser({ origins: ['https://api.example.org/*', 'https://example.org/*'] });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    expect(await giveBackListHosts()).toBe(true);
    expect(remove.mock.calls.flatMap(([permissions]) => permissions.origins ?? [])).toEqual(['https://example.org/*']);
  });

  test('one host the browser will not give back leaves the others going, and answers false', async () => {
    useManifest(FIREFOX_RELEASE);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakePermissions.grantInBrowser({ origins: LISTS });
    const remove = fakeBrowser.permissions.remove;
    vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation((asked) => (asked.origins?.includes(LISTS[0]!) ? Promise.reject(new Error('refused')) : remove(asked)));
    expect(await giveBackListHosts()).toBe(false);
    expect(await fakeBrowser.permissions.contains({ origins: [LISTS[1]!] })).toBe(false);
    expect(warn).toHaveBeenCalled();
  });
});

describe('giveBackBroadAccess (lookalike protection turned off)', () => {
  beforeEach(() => fakeBrowser.reset());

  test('gives back `tabs` and, when held, the access to all sites granted before', async () => {
    useManifest(CHROME_RELEASE);
    await fakePermissions.grantInBrowser({ permissions: [...TAB_ADDRESSES.permissions, ...NOTIFICATIONS.permissions], ...LEGACY_ALL_SITES });
    expect(await holds(TAB_ADDRESSES)).toBe(true);
    await giveBackBroadAccess();
    expect(await holds(TAB_ADDRESSES)).toBe(false);
    expect(await holds(LEGACY_ALL_SITES)).toBe(false);
    expect(await holdsBroadAccess()).toBe(false);
    // What another setting asked for stays.
    expect(await holds(NOTIFICATIONS)).toBe(true);
  });

  test('asks nothing of the browser when neither is held', async () => {
    useManifest(CHROME_RELEASE);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    await giveBackBroadAccess();
    expect(remove).not.toHaveBeenCalled();
  });

  test('leaves `tabs` alone where the manifest requires it (the tabs-granted test build)', async () => {
    useManifest(CHROME_TABS_GRANTED);
    await fakePermissions.grantInBrowser(TAB_ADDRESSES);
    await giveBackBroadAccess();
    expect(await holds(TAB_ADDRESSES)).toBe(true);
  });
});

describe('askAccess (a warning list host, at the click)', () => {
  beforeEach(() => fakeBrowser.reset());
  const LIST = { origins: ['https://lists.example.org/*'] };

  test('answers granted or declined as the user chose', async () => {
    expect(await askAccess(LIST)).toBe('granted');
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    expect(await askAccess(LIST)).toBe('declined');
  });

  test('a browser that cannot ask now (a lost click) is answered apart, and logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Firefox's words, then Chrome's.
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValueOnce(new Error('permissions.request may only be called from a user input handler'));
    expect(await askAccess(LIST)).toBe('failed');
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValueOnce(new Error('This function must be called during a user gesture'));
    expect(await askAccess(LIST)).toBe('failed');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('lists.example.org'), expect.any(Error));
  });

  test.each([
    ['Firefox, its schema (thrown at the call)', 'throw', 'Type error for parameter permissions (Error processing origins.0: Value "x" must either: ...)'],
    ['Firefox', 'reject', 'Cannot request origin permission for https://x/* since it was not declared in the manifest'],
    ['Chrome', 'reject', 'Invalid value for origin pattern https://x/*: Invalid host wildcard.'],
    ['Chrome', 'reject', 'Only permissions specified in the manifest may be requested.'],
  ])('a pattern the browser rejects (%s) is answered as rejected: asking again would fail the same way', async (_, how, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementationOnce(() => {
      if (how === 'throw') throw new Error(message);
      return Promise.reject(new Error(message));
    });
    expect(await askAccess(LIST)).toBe('rejected');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('lists.example.org'), expect.any(Error));
  });
});
