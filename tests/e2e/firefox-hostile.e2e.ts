/**
 * A hostile exchange page in Firefox, against what decides whether the pill and the address-mismatch warning show:
 * the page's own CSS sets the custom property the manifest's sheet gives our hosts (shown.css), and hides the hosts,
 * with rules as plain and as specific as it likes, all `!important`. The live pill and warning still show
 * (hostile.e2e.ts checks the same in Chromium).
 */
import { getAddress } from 'viem';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, HIDING_RULES, launchFirefox, shownInFirefox, startHttpsSite, until, type FirefoxExtension } from './harness';

const HOST = 'www.binance.com';
// EIP-55's own example address: the one the guide kept; the user types another.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = getAddress(`0x${'ab'.repeat(20)}`);

describe('a hostile exchange page in Firefox', () => {
  let firefox: FirefoxExtension | undefined;
  let site: Awaited<ReturnType<typeof startHttpsSite>> | undefined;
  let page: Page;

  beforeAll(async () => {
    site = await startHttpsSite([HOST], (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fakeExchangeHtml('Binance — withdraw', `<style>${HIDING_RULES}</style><label>Address <input id="withdraw-address" type="text" autocomplete="off" style="width:90%"></label>`));
    });
    firefox = await launchFirefox({ hosts: [HOST] });
    await firefox.inExtension(`browser.storage.local.set({ 'guide:binance': { exchangeId: 'binance', network: 'ethereum', address: ${JSON.stringify(WALLET)} } })`);
    page = await firefox.browser.newPage();
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  test("the page's CSS cannot hide the live pill or the address warning", async () => {
    if (firefox === undefined) throw new Error('Firefox did not start');
    const browser = firefox;
    await page.goto(`https://${HOST}/en/my/wallet/account/main/withdrawal/crypto/USDT`);
    // The pill is drawn (its root holds it) before it is asked whether it shows.
    expect(await until(() => page.evaluate(() => document.querySelectorAll('reserve-radar-pill').length), 1)).toBe(1);
    expect(await until(() => shownInFirefox(browser, page, 'reserve-radar-pill'), 1)).toBe(1);
    // Typed (trusted input) until the script has drawn its warning: the script may start watching the field a moment after the page shows.
    const warningsDrawn = () => page.evaluate(() => document.querySelectorAll('reserve-radar-mismatch').length);
    const typed = async () => {
      if ((await warningsDrawn()) === 0) {
        await page.click('#withdraw-address', { count: 3 });
        await page.keyboard.press('Backspace');
        await page.keyboard.type(OTHER);
      }
      return warningsDrawn();
    };
    expect(await until(typed, 1, 30_000)).toBe(1);
    expect(await until(() => shownInFirefox(browser, page, 'reserve-radar-mismatch'), 1)).toBe(1);
    expect(await shownInFirefox(browser, page, 'reserve-radar-pill')).toBe(1);
  });
});
