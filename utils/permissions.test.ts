import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '@/tests/fake-permissions';
import { BROAD_ACCESS, giveBackBroadAccess, NOTIFICATIONS, removeOptionalPermissions } from './permissions';

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
