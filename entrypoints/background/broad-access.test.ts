import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { fakePermissions } from '@/tests/fake-permissions';
import { getSettings, updateSettings } from '@/utils/settings';

const ALL_SITES = { origins: ['*://*/*'] };

describe('lookalike protection follows the browser’s access to all sites', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  test('taken away in the browser’s own settings: the setting turns off, so no page says it is on', async () => {
    await fakePermissions.grantInBrowser(ALL_SITES);
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser(ALL_SITES);
    await vi.waitFor(async () => expect((await getSettings()).lookalikeProtection).toBe(false));
  });

  test('another permission taken away leaves protection on', async () => {
    await fakePermissions.grantInBrowser({ ...ALL_SITES, permissions: ['notifications'] });
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser({ permissions: ['notifications'] });
    // The listener has run (trigger waits for it) and found the access still there.
    expect((await getSettings()).lookalikeProtection).toBe(true);
  });

  test('given back in the browser’s settings: protection stays off until the user turns it on in our pages', async () => {
    await fakePermissions.grantInBrowser(ALL_SITES);
    await updateSettings({ lookalikeProtection: true });
    await fakePermissions.removeInBrowser(ALL_SITES);
    await vi.waitFor(async () => expect((await getSettings()).lookalikeProtection).toBe(false));
    await fakePermissions.grantInBrowser(ALL_SITES);
    expect((await getSettings()).lookalikeProtection).toBe(false);
  });
});
