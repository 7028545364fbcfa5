import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** A new worker for each test: the background's modules loaded afresh, started as the browser starts it. */
async function wake(): Promise<void> {
  vi.resetModules();
  (await import('./index')).default.main();
}

describe('install', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await wake();
  });

  const welcomeTabs = () => fakeBrowser.tabs.query({ url: `chrome-extension://${fakeBrowser.runtime.id}/welcome.html` });

  test('a first install opens the welcome page once, in front', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await welcomeTabs()).toHaveLength(1));
    expect((await welcomeTabs())[0]?.active).toBe(true);
  });

  test('an update of the extension or of the browser opens nothing', async () => {
    // Chrome says "chrome_update" for a browser update, Firefox "browser_update".
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
      await fakeBrowser.runtime.onInstalled.trigger({ reason, previousVersion: '0.1.0' } as Parameters<typeof fakeBrowser.runtime.onInstalled.trigger>[0]);
    }
    // Each install listener answers its work, done: no welcome tab came of any of them.
    expect(await welcomeTabs()).toEqual([]);
  });

  test("an update moves the guides an older version kept in one map to each exchange's own key, where the exchange pages read them", async () => {
    const okx = { version: 1, exchangeId: 'okx', network: 'ethereum', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' };
    await fakeBrowser.storage.local.set({ guides: { okx } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' } as Parameters<typeof fakeBrowser.runtime.onInstalled.trigger>[0]);
    expect(await fakeBrowser.storage.local.get(['guides', 'guide:okx'])).toEqual({ 'guide:okx': okx });
  });
});
