import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, isolatedWorld, launchChromium, routeSite, stopServiceWorker, type ChromiumExtension } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ kind?: string } | undefined> } };

/** The marks modules/public-suffix-on-first-use.ts makes when the list's file has been read, and when tldts is first evaluated. */
const PUBLIC_SUFFIX_FILE_MARK = 'radar:public-suffix-file';
const PUBLIC_SUFFIX_MARK = 'radar:public-suffix-list';

describe("Chrome's service worker, woken by an exchange page (issue 16)", () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.kraken.com', fakeExchangeHtml('Kraken — stand-in'));
    await routeSite(browser.context, 'https://binance-login.com', fakeExchangeHtml('Binance Login (phishing stand-in)'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Since the running worker started: how many times it read the list's file, and evaluated tldts. */
  const listLoads = async () => {
    const worker = browser.context.serviceWorkers().at(-1) ?? (await browser.context.waitForEvent('serviceworker'));
    return worker.evaluate(([file, library]) => ({ fileReads: performance.getEntriesByName(file).length, evaluated: performance.getEntriesByName(library).length }), [
      PUBLIC_SUFFIX_FILE_MARK,
      PUBLIC_SUFFIX_MARK,
    ] as const);
  };

  test("answers the exchange's own page without reading the public-suffix list; a lookalike host then needs it and gets its verdict", async () => {
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
    expect(await listLoads()).toEqual({ fileReads: 0, evaluated: 0 });

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const verdict = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'check-url', url: 'https://kraken-login.com/' }).then((state) => state?.kind));
    expect(verdict).toBe('lookalike');
    expect(await listLoads()).toEqual({ fileReads: 1, evaluated: 1 });
    await popup.close();
    await page.close();
  });

  test('a lookalike address gets its warning page from a stopped worker, which reads the list for it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    await stopServiceWorker(page);
    const target = 'https://binance-login.com/en/login';
    await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent(target)}`);
    await page.getByTestId('lookalike-warning').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This site only looks like Binance');
    await expect.poll(() => page.getByTestId('warning-host').textContent()).toBe('binance-login.com');
    expect(await listLoads()).toEqual({ fileReads: 1, evaluated: 1 });
    await page.close();
  });
});
