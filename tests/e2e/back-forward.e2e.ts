import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, launchChromium, root, routeSite, shadowUi, stopServiceWorker, type ChromiumExtension } from './harness';

/**
 * Back to an exchange's page from the back-forward cache, in Chromium with the built extension: the page comes back as
 * it was frozen, pill and all, in the words it was drawn in. A change made while it was away (here, the language) is
 * shown soon after the return, with the worker stopped while the page was away: the background tells the restored tab
 * again (a view-changed notice), so the script needs no `pageshow` listener of its own, which the page could fake. A
 * regression test for that path, not the proof of a listener.
 */

const swedish = JSON.parse(readFileSync(join(root, 'public/_locales/sv/messages.json'), 'utf8')) as Record<string, { message: string }>;
const english = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('an exchange page back from the back-forward cache, in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    // Playwright turns the cache off by default; this test needs it as a user's browser has it.
    browser = await launchChromium({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
    await routeSite(browser.context, 'https://example.org', fakeExchangeHtml('Somewhere else'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the language changed while the page was in the cache: the restored pill is told, asks again and speaks it', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      addEventListener('pageshow', (event) => {
        if (event.persisted) document.documentElement.dataset.restored = 'yes';
      });
    });
    await page.goto('https://www.binance.com/en');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    expect(await pill.attribute('pill-close', 'aria-label')).toBe(english.close?.message);

    await page.goto('https://example.org/');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language-sv').check();
    await options.waitForFunction(() => document.documentElement.lang.startsWith('sv'));
    await options.close();
    // The worker stops while the page is in the cache: what it held in memory is gone by the return.
    await stopServiceWorker(page);

    await page.bringToFront();
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.dataset.restored !== undefined || document.readyState === 'complete');
    // Restored from the cache, not loaded anew (a fresh load would ask anyway and prove nothing).
    expect(await page.evaluate(() => document.documentElement.dataset.restored)).toBe('yes');
    await expect.poll(() => pill.attribute('pill-close', 'aria-label'), { timeout: 10_000 }).toBe(swedish.close?.message);
    await page.close();
  });
});
