import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '@/tests/fake-permissions';
import { askAccess, BROAD_ACCESS, giveBackBroadAccess, giveBackListHosts, NOTIFICATIONS, removeOptionalPermissions } from './permissions';

// The permission parts of the manifests the builds make (wxt.config.ts; `.output/*/manifest.json`).
const CHROME_RELEASE = { manifest_version: 3, permissions: ['storage', 'alarms', 'activeTab', 'offscreen'], optional_permissions: ['notifications'], optional_host_permissions: ['*://*/*'] };
const FIREFOX_RELEASE = { manifest_version: 2, permissions: ['storage', 'alarms', 'activeTab'], optional_permissions: ['*://*/*', 'notifications'] };
// RADAR_GRANT_NOTIFICATIONS=1 (the notifications-granted test build): required and still optional.
const CHROME_NOTIFICATIONS_GRANTED = { ...CHROME_RELEASE, permissions: [...CHROME_RELEASE.permissions, 'notifications'] };

const useManifest = (shape: object) => vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ name: 'x', version: '1', ...shape } as never);

describe('removeOptionalPermissions (a reset)', () => {
  beforeEach(() => fakeBrowser.reset());

  test.each([
    ['Chrome', CHROME_RELEASE],
    ['Firefox', FIREFOX_RELEASE],
  ])('%s: gives back the access to all sites and the notifications the user granted', async (_, shape) => {
    useManifest(shape);
    await fakePermissions.grantInBrowser({ ...BROAD_ACCESS, ...NOTIFICATIONS });
    expect(await removeOptionalPermissions()).toBe(true);
    expect(await fakeBrowser.permissions.contains(BROAD_ACCESS)).toBe(false);
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(false);
  });

  test('leaves notifications alone where the manifest requires them, though it also lists them as optional (the browser refuses to remove those)', async () => {
    useManifest(CHROME_NOTIFICATIONS_GRANTED);
    await fakePermissions.grantInBrowser({ ...BROAD_ACCESS, ...NOTIFICATIONS });
    expect(await removeOptionalPermissions()).toBe(true);
    expect(await fakeBrowser.permissions.contains(BROAD_ACCESS)).toBe(false);
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(true);
  });

  test('asks the browser to remove only what it holds: Chromium withholds the required hosts on any removal of the access to all sites', async () => {
    useManifest(CHROME_NOTIFICATIONS_GRANTED);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    expect(await removeOptionalPermissions()).toBe(true);
    expect(remove).not.toHaveBeenCalled();
    useManifest(CHROME_RELEASE);
    expect(await removeOptionalPermissions()).toBe(true);
    expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });

  test('a browser that refuses answers false and logs why, instead of throwing into the reset', async () => {
    useManifest(CHROME_RELEASE);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakePermissions.grantInBrowser(BROAD_ACCESS);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockRejectedValue(new Error('refused'));
    expect(await removeOptionalPermissions()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('permissions'), expect.any(Error));
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

  test('gives back the access to all sites when held', async () => {
    await fakePermissions.grantInBrowser(BROAD_ACCESS);
    await giveBackBroadAccess();
    expect(await fakeBrowser.permissions.contains(BROAD_ACCESS)).toBe(false);
  });

  test('asks nothing of the browser when the access is not held', async () => {
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    await giveBackBroadAccess();
    expect(remove).not.toHaveBeenCalled();
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
