import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeTabId, fakeExchangeHtml, grantedChromeBuild, launchChromium, routeSite, shadowUi, type ChromiumExtension } from './harness';
import { cexsWithRunOnBinance } from './run-cexs';

/**
 * A run alert that starts while the exchange's page is already open (real Chromium, built
 * extension): the routed `/cexs` answer with the run is held until binance.com is open and its
 * card is open and focused, then let through. Without a reload the open tab's pill shows the run
 * line in danger style, the tab's own badge turns "!" with the alert's tooltip, and the card the
 * user is reading keeps focus.
 */

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  action: { getBadgeText(details: { tabId?: number }): Promise<string>; getTitle(details: { tabId?: number }): Promise<string> };
};

describe('run alert reaching an open exchange tab in Chromium', () => {
  let browser: ChromiumExtension;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
    const body = cexsWithRunOnBinance();
    await browser.context.route('https://api.llama.fi/**', async (route) => {
      if (new URL(route.request().url()).pathname !== '/cexs') return route.fulfill({ status: 404, body: '' });
      await gate;
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
    await browser.context.route('https://coins.llama.fi/**', (route) => route.fulfill({ status: 404, body: '' }));
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
    await browser.worker.evaluate(() =>
      chrome.storage.local.set({
        holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] },
        settings: { runAlertNotifications: true },
      }),
    );
  });
  afterAll(async () => {
    release();
    await browser?.close();
  });

  test('the pill, the tab badge and its tooltip show the alert without a reload; the open card keeps focus', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    const tabId = await activeTabId(browser.worker);
    const badge = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe('C?');
    expect(await pill.has('pill-run')).toBe(false);
    await pill.click('pill-toggle');
    await pill.waitFor('nudge-panel');
    const focusInPanel = () => pill.evaluate((root) => root.activeElement !== null && root.querySelector('[data-testid="nudge-panel"]')?.contains(root.activeElement) === true, undefined);
    expect(await focusInPanel()).toBe(true);

    release();
    await expect.poll(badge, { timeout: 40_000 }).toBe('!');
    expect(await browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Reserve Radar: Run alert: money is leaving Binance fast');
    await pill.waitFor('pill-run');
    expect(await pill.text('pill-run')).toBe('Run alert: money is leaving Binance fast');
    expect(await pill.evaluate((root) => root.querySelector('.pill')?.className ?? null, undefined)).toContain('pill--danger');
    expect(await pill.text('pill-grade')).toBe('D');
    // Drawn over, not drawn anew: the card stays open and the user's focus stays in it.
    expect(await pill.has('nudge-panel')).toBe(true);
    expect(await focusInPanel()).toBe(true);
    expect(await pill.evaluate((root) => root.querySelectorAll('[role="alert"]').length, undefined)).toBe(1);
    await page.close();
  });
});
