/**
 * What the exchange-page script drew, when Firefox unloads the add-on under an open page. Firefox kills the
 * script's sandbox at once: no teardown of ours runs, and what it drew stays in the page's DOM. The pill and
 * the address-mismatch warning must still leave the screen, when the add-on is removed and when it is
 * updated (a newer copy then draws its own). Also in Firefox: another page of the single-page app (the page's
 * own `history.pushState`) takes the warning away, as guide-mismatch.e2e.ts checks in Chromium.
 */
import { getAddress } from 'viem';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, firefoxBuild, launchFirefox, shownInFirefox, startHttpsSite, until, type FirefoxExtension } from './harness';

const GECKO_ID = 'reserve-radar@reserve-radar.app';
const HOST = 'www.binance.com';
// EIP-55's own example address: the one the guide kept; the user types another.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = getAddress(`0x${'ab'.repeat(20)}`);
const PILL = 'reserve-radar-pill';
const WARNING = 'reserve-radar-mismatch';

describe('Firefox unloads the add-on under an open exchange page', () => {
  let firefox: FirefoxExtension;
  /** This test's browser until afterEach closes it: a later test whose launch throws must not close it again. */
  let running: FirefoxExtension | undefined;
  let site: Awaited<ReturnType<typeof startHttpsSite>> | undefined;
  let page: Page;

  /** Types `address` into the page's field (trusted input) until the script's warning shows. */
  const typedUntilWarned = async (address: string) => {
    const typed = async () => {
      if ((await shownInFirefox(firefox, page, WARNING)) === 0) {
        await page.click('#withdraw-address', { count: 3 });
        await page.keyboard.press('Backspace');
        await page.keyboard.type(address);
      }
      return shownInFirefox(firefox, page, WARNING);
    };
    expect(await until(typed, 1, 30_000)).toBe(1);
  };

  beforeEach(async () => {
    site = await startHttpsSite([HOST], (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fakeExchangeHtml('Binance — withdraw', '<label>Address <input id="withdraw-address" type="text" autocomplete="off" style="width:90%"></label>'));
    });
    firefox = await launchFirefox({ hosts: [HOST] });
    running = firefox;
    await firefox.inExtension(`browser.storage.local.set({ 'guide:binance': { exchangeId: 'binance', network: 'ethereum', address: ${JSON.stringify(WALLET)} } })`);
    page = await firefox.browser.newPage();
    await page.goto(`https://${HOST}/en/my/wallet/account/main/withdrawal/crypto/USDT`);
    expect(await until(() => shownInFirefox(firefox, page, PILL), 1)).toBe(1);
    await typedUntilWarned(OTHER);
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await site?.close();
    site = undefined;
  });

  test('removed: the pill and the warning leave the screen', async () => {
    await firefox.browser.uninstallExtension(GECKO_ID);
    expect(await until(async () => (await shownInFirefox(firefox, page, PILL)) + (await shownInFirefox(firefox, page, WARNING)), 0)).toBe(0);
  });

  test("updated: the old copy's warning leaves the screen and one pill stays, the new copy's", async () => {
    await firefox.browser.installExtension(firefoxBuild);
    expect(await until(() => shownInFirefox(firefox, page, WARNING), 0)).toBe(0);
    expect(await until(() => shownInFirefox(firefox, page, PILL), 1)).toBe(1);
    // Only what the new copy drew stays in the page: the old copy's elements are taken out, not only hidden.
    expect(await until(() => page.evaluate((tags) => document.querySelectorAll(tags).length, `${PILL},${WARNING}`), 1)).toBe(1);
    // The new copy watches the field; the old one hears nothing any more (Firefox killed it): one warning, not two.
    await typedUntilWarned(OTHER);
    await page.evaluate(async () => {
      for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, WARNING)).toBe(1);
  });

  test("another page of the single-page app (the page's own history.pushState) takes the warning about the old page's field away", async () => {
    await page.evaluate(() => history.pushState(null, '', '/en/markets'));
    expect(await until(() => page.evaluate((tag) => document.querySelectorAll(tag).length, WARNING), 0)).toBe(0);
    // Two frames later, still none, and the pill stays.
    await page.evaluate(async () => {
      for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, WARNING)).toBe(0);
    expect(await page.$eval('#withdraw-address', (field) => (field as HTMLInputElement).value)).toBe(OTHER);
    expect(await shownInFirefox(firefox, page, PILL)).toBe(1);
  });
});
