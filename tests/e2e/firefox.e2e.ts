import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { fakeExchangeHtml, firefoxBuild, requireFirefox, startHttpServer } from './harness';

/**
 * Firefox resolves the exchange's hostname to this machine (`network.dns.localDomains`) and a
 * local server on port 80 plays the exchange, so the content script runs as it would there.
 */
describe('Firefox with the built extension', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof startHttpServer>>;

  beforeAll(async () => {
    const executablePath = requireFirefox();
    site = await startHttpServer((request, response) => {
      const host = request.headers.host ?? '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fakeExchangeHtml(host === 'www.binance.com' ? 'Binance — stand-in' : `${host} — not an exchange`));
    }, 80);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      extraPrefsFirefox: { 'network.dns.localDomains': 'www.binance.com,www.example.org' },
    });
    await browser.installExtension(firefoxBuild);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('shows the pill with the exchange name on binance.com', async () => {
    const page = await browser.newPage();
    await page.goto('http://www.binance.com/en/trade/BTC_USDT');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill')?.shadowRoot?.querySelector('[data-testid="pill-name"]'), { timeout: 20_000 });
    const name = await page.evaluate(() => document.querySelector('reserve-radar-pill')?.shadowRoot?.querySelector('[data-testid="pill-name"]')?.textContent);
    expect(name).toBe('Binance');
    await page.close();
  });

  test('injects nothing on a page that is not an exchange', async () => {
    const page = await browser.newPage();
    await page.goto('http://www.example.org/');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill') === null)).toBe(true);
    await page.close();
  });
});
