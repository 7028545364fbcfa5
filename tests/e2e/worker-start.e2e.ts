import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, isolatedWorld, launchChromium, routeSite, stopServiceWorker, type ChromiumExtension } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ kind?: string } | undefined> } };

/** The mark modules/public-suffix-on-first-use.ts makes when the public-suffix list is first evaluated. */
const PUBLIC_SUFFIX_MARK = 'radar:public-suffix-list';

describe("Chrome's service worker, woken by an exchange page (issue 16)", () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.kraken.com', fakeExchangeHtml('Kraken — stand-in'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** How many times the running worker has evaluated the public-suffix list since it started. */
  const listLoads = async () => {
    const worker = browser.context.serviceWorkers().at(-1) ?? (await browser.context.waitForEvent('serviceworker'));
    return worker.evaluate((mark) => performance.getEntriesByName(mark).length, PUBLIC_SUFFIX_MARK);
  };

  test("answers the exchange's own page without evaluating the public-suffix list; a lookalike host then needs it and gets its verdict", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill'));
    await stopServiceWorker(page);
    // The question the exchange page's script asks, from its own world, to the stopped worker.
    const { cdp, contextId } = await isolatedWorld(page, browser.extensionId);
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId,
      expression: `chrome.runtime.sendMessage({ type: 'page-state' }).then((state) => state?.kind)`,
      awaitPromise: true,
      returnByValue: true,
    });
    await cdp.detach();
    expect(result.value).toBe('exchange');
    expect(await listLoads()).toBe(0);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const verdict = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'check-url', url: 'https://kraken-login.com/' }).then((state) => state?.kind));
    expect(verdict).toBe('lookalike');
    expect(await listLoads()).toBe(1);
    await popup.close();
    await page.close();
  });
});
