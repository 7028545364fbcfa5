import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { grantedChromeBuild, launchChromium, type ChromiumExtension } from './harness';

/**
 * Reset and "Delete everything" in the build that holds `notifications` from install
 * (`grantedChromeBuild`): its manifest lists the permission as required and as optional, and
 * Chrome refuses a removal that names a required permission. Both still do their work and say so.
 */

declare const chrome: {
  storage: { local: { get(keys: string | string[] | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  permissions: { contains(permissions: object): Promise<boolean> };
};

describe('Chromium, notifications granted at install: reset and delete everything', () => {
  let browser: ChromiumExtension;
  const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('reset restores the default settings and forgets the sites opened anyway; notifications stay, as the manifest requires', async () => {
    await browser.worker.evaluate(() => chrome.storage.local.set({ settings: { nudgePolicy: 'off' }, allowedLookalikes: ['binance-login.com'] }));
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('allowed-hosts').waitFor();
    await options.getByTestId('reset').click();
    await options.getByTestId('reset-confirm').click();
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe('Reset done.');
    await options.getByTestId('allowed-empty').waitFor();
    expect(await browser.worker.evaluate(() => chrome.storage.local.get(['settings', 'allowedLookalikes']))).toEqual({});
    await expect.poll(() => options.locator('input[name="nudgePolicy"][value="off"]').isChecked()).toBe(false);
    expect(await browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(true);
    await options.close();
  });

  test('delete everything deletes, says so, and the page shows the data gone', async () => {
    await browser.worker.evaluate(() =>
      chrome.storage.local.set({
        holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] },
        settings: { nudgePolicy: 'off' },
      }),
    );
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(1);
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await expect.poll(() => options.getByTestId('delete-done').textContent()).toBe('Everything was deleted.');
    await expect.poll(() => options.getByTestId('delete-error').count()).toBe(0);
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(0);
    expect(await browser.worker.evaluate(() => chrome.storage.local.get(['holdings', 'settings']))).toEqual({});
    await expect.poll(() => options.locator('input[name="nudgePolicy"][value="off"]').isChecked()).toBe(false);
    await options.close();
  });
});
