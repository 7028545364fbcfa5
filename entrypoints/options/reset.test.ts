import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import { fakePermissions } from '@/tests/fake-permissions';
import { holdsBroadAccess, LEGACY_ALL_SITES, TAB_ADDRESSES } from '@/utils/permissions';
import * as turns from '@/utils/in-turn';
import { updateSettings } from '@/utils/settings';
import { resetSettingsThenPermissions } from './reset';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'x',
    version: '1',
    optional_permissions: ['tabs', 'notifications'],
  } as never);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  background.main();
});

test('a reset with protection on: the background, seeing the access go, finds the defaults and writes nothing over the reset', async () => {
  await fakePermissions.grantInBrowser({ ...TAB_ADDRESSES, ...LEGACY_ALL_SITES });
  await updateSettings({ lookalikeProtection: true, nudgePolicy: 'off', language: 'de' });
  const updates = vi.spyOn(turns, 'updateItem');
  expect(await resetSettingsThenPermissions()).toBe(true);
  expect(await holdsBroadAccess()).toBe(false);
  // The background's turn-off runs on its own, after `remove` has answered: its change of the settings is awaited.
  await vi.waitFor(() => expect(updates).toHaveBeenCalledWith(expect.objectContaining({ key: 'local:settings' }), expect.any(Function)));
  await Promise.all(updates.mock.results.map(({ value }) => value));
  expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
});
