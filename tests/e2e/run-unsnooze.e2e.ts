import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeTabId, fakeExchangeHtml, grantedChromeBuild, launchChromium, routeSite, shadowUi, type ChromiumExtension } from './harness';
import { cexsWithRunOnBinance } from './run-cexs';

/**
 * A run-alert snooze can be seen and undone (real Chromium, built extension): snoozed by keyboard
 * in the popup, lifted with the undo beside the snoozed line (the focus lands on the snooze button
 * that comes back), snoozed again and lifted from the options page's "Run alerts snoozed". Each
 * lift brings back the badge, its tooltip and the open tab's pill without a reload.
 */

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  action: { getBadgeText(details: { tabId?: number }): Promise<string>; getTitle(details: { tabId?: number }): Promise<string> };
};

describe('undoing a run-alert snooze in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
    const body = cexsWithRunOnBinance();
    await browser.context.route('https://api.llama.fi/**', (route) =>
      new URL(route.request().url()).pathname === '/cexs' ? route.fulfill({ status: 200, contentType: 'application/json', body }) : route.fulfill({ status: 404, body: '' }),
    );
    await browser.context.route('https://coins.llama.fi/**', (route) => route.fulfill({ status: 404, body: '' }));
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
    await browser.worker.evaluate(() =>
      chrome.storage.local.set({
        holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] },
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('snooze → undo in the popup, then snooze → remove in the options: the alert comes back each time without a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    const tabId = await activeTabId(browser.worker);
    const badge = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const title = () => browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: 40_000 }).toBe('!');
    await pill.waitFor('pill-run');

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const block = popup.locator('[data-testid="run-alert"][data-exchange="binance"]');
    await block.getByTestId('run-snooze').focus();
    await popup.keyboard.press('Enter');
    await expect(block.getByTestId('run-snoozed').textContent()).resolves.toMatch(/^Alerts for this exchange are snoozed until /);
    await expect.poll(badge).not.toBe('!');
    await pill.waitFor('pill-run', { state: 'detached' });
    // From the snoozed line, the next stop is the undo.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('run-unsnooze');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe("Turn this exchange's alerts back on");
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe('run-snooze');
    expect(await block.getByTestId('run-snoozed').count()).toBe(0);
    await expect.poll(badge).toBe('!');
    await expect.poll(title).toBe('Reserve Radar: Run alert: money is leaving Binance fast');
    await pill.waitFor('pill-run');

    // Snoozed again; the options page lists it under its own title and lifts it.
    await popup.keyboard.press('Enter');
    await expect.poll(badge).not.toBe('!');
    await popup.close();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const list = options.getByTestId('run-snoozes');
    await list.waitFor();
    expect(await options.locator('#run-snoozes-title').textContent()).toBe('Run alerts snoozed');
    expect(await list.locator('li span').textContent()).toMatch(/^Binance: alerts snoozed until /);
    await list.getByRole('button', { name: 'Turn alerts for Binance back on' }).click();
    await options.getByTestId('run-snoozes-empty').waitFor();
    await expect.poll(badge).toBe('!');
    await expect.poll(title).toBe('Reserve Radar: Run alert: money is leaving Binance fast');
    await pill.waitFor('pill-run');
    await options.close();
    await page.close();
  });
});
