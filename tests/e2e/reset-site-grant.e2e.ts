import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumExtension } from './harness';

/**
 * A Chrome user who limits the extension's site access and allows one exchange by hand holds that site's
 * pattern (`https://www.binance.com/*`), which a content script's match (`https://*.binance.com/*`) covers.
 * Chromium refuses to remove it ("You cannot remove required permissions"): a reset and Delete everything must
 * not ask, keep the user's choice, and say they are done, not that the browser kept permissions. What the worker
 * asks to remove is recorded on its way to the browser, which still answers it.
 */

declare const chrome: {
  permissions: { getAll(): Promise<{ origins?: string[] }>; remove(permissions: { origins?: string[] }): Promise<boolean> };
  developerPrivate: {
    updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
    addHostPermission(extensionId: string, host: string): Promise<void>;
  };
};

const SITE = 'https://www.binance.com/*';
// Limiting the site access withholds the data hosts too, which the done messages rightly point to.
const SEE = "Your browser now withholds Reserve Radar's access to its data sites: see Data sources.";

describe("Chromium: a site the user allowed under a content script's match", () => {
  let browser: ChromiumExtension;
  const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
  const heldOrigins = async () => (await browser.worker.evaluate(() => chrome.permissions.getAll())).origins ?? [];
  const askedToRemove = () => browser.worker.evaluate(() => (globalThis as unknown as { askedToRemove: string[] }).askedToRemove);

  beforeAll(async () => {
    browser = await launchChromium();
    // As the user does in chrome://extensions: site access "On specific sites", then this one site.
    const extensions = await browser.context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(
      async ([id, site]) => {
        await chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
        await chrome.developerPrivate.addHostPermission(id, site);
      },
      [browser.extensionId, SITE] as const,
    );
    await extensions.close();
    await browser.worker.evaluate(() => {
      const asked: string[] = [];
      const remove = chrome.permissions.remove.bind(chrome.permissions);
      chrome.permissions.remove = (permissions) => {
        asked.push(...(permissions.origins ?? []));
        return remove(permissions);
      };
      (globalThis as unknown as { askedToRemove: string[] }).askedToRemove = asked;
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('reset says it is done and leaves the site allowed', async () => {
    expect(await heldOrigins()).toContain(SITE);
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('reset').click();
    await options.getByTestId('reset-confirm').click();
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe(`Reset done. ${SEE}`);
    expect(await askedToRemove()).not.toContain(SITE);
    expect(await heldOrigins()).toContain(SITE);
    await options.close();
  });

  test('Delete everything says it is done and leaves the site allowed', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await expect.poll(() => options.getByTestId('delete-done').textContent()).toBe(`Everything was deleted. ${SEE}`);
    expect(await askedToRemove()).not.toContain(SITE);
    expect(await heldOrigins()).toContain(SITE);
    await options.close();
  });
});
