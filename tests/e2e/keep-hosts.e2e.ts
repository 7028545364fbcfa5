import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromeBuild, launchChromium, type ChromiumExtension } from './harness';

/**
 * The hosts the manifest requires (the feed, DefiLlama, the ECB) outlive a reset and "Delete everything".
 * Chromium answers the removal of the access to all sites by withholding every required host that
 * pattern covers, even when the pattern was never granted, and those fetches then fail or go out as CORS
 * requests; so the extension gives the access to all sites back only when the browser holds it.
 */

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  permissions: { contains(permissions: object): Promise<boolean>; getAll(): Promise<{ origins?: string[] }>; remove(permissions: object): Promise<boolean> };
  developerPrivate: { updateExtensionConfiguration(update: { extensionId: string; hostAccess: 'ON_CLICK' }): Promise<void> };
};

const required: string[] = (JSON.parse(readFileSync(join(chromeBuild, 'manifest.json'), 'utf8')) as { host_permissions: string[] }).host_permissions;

describe('Chromium: the required hosts stay held', () => {
  let browser: ChromiumExtension;
  const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
  const held = async () => ({ contains: await browser.worker.evaluate((origins) => chrome.permissions.contains({ origins }), required) });
  const heldOrigins = async () => (await browser.worker.evaluate(() => chrome.permissions.getAll())).origins ?? [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the manifest requires hosts, and the fresh install holds them all', async () => {
    expect(required.length).toBeGreaterThan(0);
    expect((await held()).contains).toBe(true);
    expect(await heldOrigins()).toEqual(expect.arrayContaining(required));
  });

  test('reset, the access to all sites never granted: every required host is still held', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('reset').click();
    await options.getByTestId('reset-confirm').click();
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe('Reset done.');
    expect((await held()).contains).toBe(true);
    expect(await heldOrigins()).toEqual(expect.arrayContaining(required));
    await options.close();
  });

  test('delete everything, the access to all sites never granted: every required host is still held', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await expect.poll(() => options.getByTestId('delete-done').textContent()).toBe('Everything was deleted.');
    expect((await held()).contains).toBe(true);
    expect(await heldOrigins()).toEqual(expect.arrayContaining(required));
    expect(await options.getByTestId('hosts-withheld').count()).toBe(0);
    await options.close();
  });

  test('the hosts withheld (site access set to "on click" in the browser settings): the options page says so, with a button to give them back', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('sources').or(options.getByTestId('sources-failed')).first().waitFor();
    expect(await options.getByTestId('hosts-withheld').count()).toBe(0);
    // As the user withholds them in the browser's own settings (chrome://extensions, "Site access: On click"); a
    // granted access to all sites given back does the same.
    const settings = await browser.context.newPage();
    await settings.goto('chrome://extensions');
    await settings.evaluate((extensionId) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: 'ON_CLICK' }), browser.extensionId);
    await settings.close();
    expect((await held()).contains).toBe(false);
    const notice = options.getByTestId('hosts-withheld');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      "Your browser has taken away Reserve Radar's access to the sites it reads reserves and exchange rates from (its data feed, DefiLlama and the European Central Bank), so the figures below may fail to refresh.Give the access back",
    );
    expect(await notice.getByRole('button', { name: 'Give the access back' }).isVisible()).toBe(true);
    await options.close();
  });
});
