import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { fakePermissions } from '@/tests/fake-permissions';
import { getSettings, updateSettings } from '@/utils/settings';
import { LEGACY_ALL_SITES, TAB_ADDRESSES } from '@/utils/permissions';

describe('lookalike protection follows the browser’s access to tab addresses', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  test('taken away in the browser’s own settings: the setting turns off, so no page says it is on', async () => {
    await fakePermissions.grantInBrowser(TAB_ADDRESSES);
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser(TAB_ADDRESSES);
    await vi.waitFor(async () => expect((await getSettings()).lookalikeProtection).toBe(false));
  });

  test('another permission taken away leaves protection on', async () => {
    await fakePermissions.grantInBrowser({ permissions: ['tabs', 'notifications'] });
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser({ permissions: ['notifications'] });
    // The listener has run (trigger waits for it) and found the access still there.
    expect((await getSettings()).lookalikeProtection).toBe(true);
  });

  test('given back in the browser’s settings: protection stays off until the user turns it on in our pages', async () => {
    await fakePermissions.grantInBrowser(TAB_ADDRESSES);
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser(TAB_ADDRESSES);
    await vi.waitFor(async () => expect((await getSettings()).lookalikeProtection).toBe(false));
    await fakePermissions.grantInBrowser(TAB_ADDRESSES);
    expect((await getSettings()).lookalikeProtection).toBe(false);
  });

  test('`tabs` taken away while the access to all sites granted before is held: protection stays on, as tab addresses still show', async () => {
    await fakePermissions.grantInBrowser({ ...TAB_ADDRESSES, ...LEGACY_ALL_SITES });
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser(TAB_ADDRESSES);
    expect((await getSettings()).lookalikeProtection).toBe(true);
  });

  test('the access to all sites granted before taken away, `tabs` not held: the setting turns off', async () => {
    await fakePermissions.grantInBrowser(LEGACY_ALL_SITES);
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser(LEGACY_ALL_SITES);
    await vi.waitFor(async () => expect((await getSettings()).lookalikeProtection).toBe(false));
  });
});
