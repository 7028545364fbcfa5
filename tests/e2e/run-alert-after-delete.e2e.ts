import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeTabId, launchChromium, shadowUi, type ChromiumExtension } from './harness';
import { routeRunOnBinance } from './run-cexs';

/**
 * "Delete everything" forgets the open exchange tabs the background kept for the session (their
 * addresses, states, badge meanings), but the tabs stay open and their pills stay drawn. A run
 * alert that starts afterwards must still reach such a tab without a reload: the push asks every
 * open tab it does not know to report its page (`report-page`, answered by `page-here`) and then
 * tells that tab's pill. Real Chromium, built extension, the exchange page served by a route; the
 * run comes with the routed `/cexs` answer fetched by the options page's "Refresh now".
 */

declare const chrome: {
  storage: {
    local: { get(keys: string): Promise<Record<string, unknown>> };
    session: { get(keys: string | string[] | null): Promise<Record<string, unknown>> };
  };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
};

describe('a run alert after "Delete everything", Chromium', () => {
  let browser: ChromiumExtension;
  // Until the delete is done, /cexs answers nothing usable: no run can start before it.
  let runServed = false;
  const cexsRequests: boolean[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    await routeRunOnBinance(browser, () => cexsRequests.push(runServed) > 0 && runServed);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('reaches the pill of an exchange tab kept open through the delete, without a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    const tabId = await activeTabId(browser.worker);
    const session = async () => JSON.stringify(await browser.worker.evaluate(() => chrome.storage.session.get(null)));
    await expect.poll(session).toContain('www.binance.com/en/trade');
    expect(await pill.has('pill-run')).toBe(false);
    // A mark in the stand-in page's own world: a reload (which keeps the address) would lose it.
    await page.evaluate(() => {
      (window as unknown as { keptOpen?: boolean }).keptOpen = true;
    });

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await options.getByTestId('delete-done').waitFor();
    // The background no longer knows the tab: only the push's own question can find it again.
    expect(await session()).not.toContain('binance');
    expect(await pill.has('pill-run')).toBe(false);

    runServed = true;
    await options.getByTestId('refresh-now').click();
    await expect.poll(() => cexsRequests.includes(true), { timeout: 30_000 }).toBe(true);
    // The run has started in the background; what follows is whether it reaches the open tab.
    const runPhase = async () => ((await browser.worker.evaluate(() => chrome.storage.local.get('runAlerts'))).runAlerts as Record<string, { phase?: string }> | undefined)?.binance?.phase;
    await expect.poll(runPhase, { timeout: 30_000 }).toBe('alert');
    await pill.waitFor('pill-run', { timeout: 30_000 });
    expect(await pill.text('pill-run')).toBe('Run alert: money is leaving Binance fast');
    expect(await pill.evaluate((root) => root.querySelector('.pill')?.className ?? null, undefined)).toContain('pill--danger');
    // The tab is known again, and its own badge says the alert too.
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!');
    expect(await session()).toContain('www.binance.com/en/trade');
    expect(page.url()).toBe('https://www.binance.com/en/trade/BTC_USDT');
    expect(await page.evaluate(() => (window as unknown as { keptOpen?: boolean }).keptOpen)).toBe(true);
    await options.close();
    await page.close();
  });
});
