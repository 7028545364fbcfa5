import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '@/tests/fake-permissions';
import { BROAD_ACCESS, NOTIFICATIONS, removeOptionalPermissions } from './permissions';

describe('removeOptionalPermissions (a reset)', () => {
  beforeEach(() => fakeBrowser.reset());

  test('gives back the access to all sites and the notifications the user granted', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1', optional_permissions: ['notifications'] } as never);
    await fakePermissions.grantInBrowser({ ...BROAD_ACCESS, ...NOTIFICATIONS });
    await removeOptionalPermissions();
    expect(await fakeBrowser.permissions.contains(BROAD_ACCESS)).toBe(false);
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(false);
  });

  test('leaves notifications alone where the manifest requires them (the browser refuses to remove those)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1', permissions: ['notifications'] } as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    await fakePermissions.grantInBrowser({ ...BROAD_ACCESS, ...NOTIFICATIONS });
    await removeOptionalPermissions();
    expect(remove).toHaveBeenCalledWith(BROAD_ACCESS);
    expect(await fakeBrowser.permissions.contains(BROAD_ACCESS)).toBe(false);
  });
});
