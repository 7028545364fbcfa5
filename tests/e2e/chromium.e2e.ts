import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate } from '../../lib/words/format';
import { exchanges } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView } from '../../lib/view/exchange-view';
import { activeTabId, fakeExchangeHtml, launchChromium, pillText, routeSite, screenshotPath, shadowUi, type ChromiumExtension } from './harness';

/**
 * An exchange the bundled data grades caution or danger with a required figure missing, and whose
 * report we have not confirmed since its own date: its card must say "incomplete" and keep the
 * report's date apart from ours. Binance first; another one if the data no longer makes it so.
 */
function incompleteExchange() {
  const now = new Date();
  const candidates = [...exchanges].sort((a, b) => Number(b.id === 'binance') - Number(a.id === 'binance'));
  for (const exchange of candidates) {
    const view = buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[exchange.id], now });
    const { level, incomplete, metrics } = view.verdict;
    if (incomplete && (level === 'caution' || level === 'danger') && view.por !== undefined && metrics.porFreshness?.late === 'us') return { view, freshness: metrics.porFreshness };
  }
  throw new Error('the bundled snapshot has no exchange graded caution or danger with our copy of its report too old');
}

describe('Chromium with the built extension', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
    await routeSite(browser.context, 'https://www.example.org', fakeExchangeHtml('Example, not an exchange'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('shows the pill with the exchange name on binance.com, and the popup shows its card', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    await shadowUi(page).waitFor('pill-name');
    const pill = await pillText(page);
    expect(pill?.name).toBe('Binance');
    expect(pill?.status).not.toBe('');
    // The pill's words arrive with the background's answer, as templates the page fills in.
    const labels = { toggle: await shadowUi(page).attribute('pill-toggle', 'aria-label'), close: await shadowUi(page).attribute('pill-close', 'aria-label') };
    // What the pill shows, in words: a grade letter (or "no grade", never a bare "?"), and no "Open details" (aria-expanded says that).
    expect(labels.toggle).toMatch(new RegExp(`^Reserve Radar: Binance, (grade [A-F]|no grade), ${pill?.status}$`));
    expect(labels.close).toBe('Close');
    await page.screenshot({ path: screenshotPath('pill.png'), clip: { x: 0, y: 0, width: 1280, height: 720 } });

    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 480 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const card = popup.getByTestId('exchange-card');
    await card.waitFor();
    expect(await card.getByRole('heading', { level: 1 }).textContent()).toBe('Binance');
    expect(await popup.getByTestId('level-chip').textContent()).toContain(pill?.status);
    await popup.close();
    await page.close();
  });

  test('an incomplete verdict says so on the pill and the card, and the card keeps the report’s date apart from our check', async () => {
    const { view, freshness } = incompleteExchange();
    await routeSite(browser.context, `https://${view.homeDomain}`, fakeExchangeHtml(`${view.name} — stand-in`));
    const page = await browser.context.newPage();
    await page.goto(`https://${view.homeDomain}/`);
    await shadowUi(page).waitFor('pill-status');
    const level = view.verdict.level === 'danger' ? 'Danger' : 'Caution';
    expect((await pillText(page))?.status).toBe(`${level} · incomplete`);

    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 480 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('exchange-card').waitFor();
    expect(await popup.getByTestId('level-chip').textContent()).toBe(`${view.verdict.grade}${level} · incomplete`);
    const por = view.por!;
    // The report's dates sit with the other figures, one click away.
    await popup.getByTestId('card-details-toggle').click();
    expect(await popup.getByTestId('card-por-describes').textContent()).toBe(`Report describes ${formatDate(por.asOf, 'en')}`);
    expect(await popup.getByTestId('card-por-checked').textContent()).toBe(`not checked since ${formatDate(freshness.checkedAt, 'en')}`);
    const source = popup.getByTestId('card-por-dates').getByRole('link', { name: /^Source: / });
    expect(await source.textContent()).toBe(new URL(por.source).hostname.replace(/^www\./, ''));
    await popup.close();
    await page.close();
  });

  test('the pill closes and stays out of the way', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/');
    await shadowUi(page).click('pill-close');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null);
    expect(await pillText(page)).toBeNull();
    await page.close();
  });

  test('does not run on a plain-http exchange page, which anyone on the network path could have written', async () => {
    await routeSite(browser.context, 'http://www.binance.com', fakeExchangeHtml('Binance over http'));
    const page = await browser.context.newPage();
    await page.goto('http://www.binance.com/en');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill'))).toBeNull();
    await page.close();
  });

  test('injects nothing on a page that is not an exchange, and the popup says so', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.example.org/');
    // Give a content script every chance to run: the pill appears well within this on binance.com.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill'))).toBeNull();

    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('popup-not-exchange').waitFor();
    await popup.close();
    await page.close();
  });
});
