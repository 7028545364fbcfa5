/**
 * A hostile exchange page in Firefox, against what decides whether the pill and the address-mismatch warning show:
 * the page's own CSS sets the custom property the manifest's sheet gives our hosts (shown.css), and hides the hosts,
 * with rules as plain and as specific as it likes, all `!important`. The live pill and warning still show
 * (hostile.e2e.ts checks the same in Chromium).
 */
import { getAddress } from 'viem';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { contextIdOf, fakeExchangeHtml, HIDING_RULES, launchFirefox, PAGE_PROBES, shownInFirefox, startHttpsSite, until, type FirefoxExtension, type PageProbes } from './harness';

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
      response.end(
        fakeExchangeHtml('Binance — withdraw', `<style>${HIDING_RULES}</style><label>Address <input id="withdraw-address" type="text" autocomplete="off" style="width:90%"></label>${PAGE_PROBES}`),
      );
    });
    firefox = await launchFirefox({ hosts: [HOST] });
    await firefox.inExtension(`browser.storage.local.set({ 'guide:binance': { exchangeId: 'binance', network: 'ethereum', address: ${JSON.stringify(WALLET)} } })`);
    // What the page must not learn: a recorded balance above the user's own cap, and the guide's address.
    const holdings = {
      holdings: [{ id: 'h1', kind: 'fiat', custodian: 'binance', currency: 'USD', value: 48_000, updatedAt: 1 }],
      addresses: [],
      history: [],
      limits: { currency: 'USD', exchanges: { binance: { cap: 10_000 } } },
    };
    await firefox.inExtension(`browser.storage.local.set(${JSON.stringify({ holdings, settings: { nudgePolicy: 'every-visit' } })})`);
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

  test("the page finds, selects and copies none of the limit line or the guide's address", async () => {
    if (firefox === undefined) throw new Error('Firefox did not start');
    const connection = firefox.connection;
    const probePage = await firefox.browser.newPage();
    await probePage.goto(`https://${HOST}/en/my/wallet/withdrawal`);
    /** The box of `selector` in the closed root of the first `tag` element, read over WebDriver BiDi as a test can and a page cannot. */
    const boxIn = async (tag: string, selector: string): Promise<{ x: number; y: number; width: number; height: number } | null> => {
      const context = contextIdOf(probePage);
      const hosts = await connection.send('script.evaluate', {
        expression: `[...document.querySelectorAll(${JSON.stringify(tag)})]`,
        target: { context },
        awaitPromise: false,
        serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
      });
      const shadow = ((hosts.result.result as { value?: { value?: { shadowRoot?: { sharedId: string } | null } }[] }).value ?? [])[0]?.value?.shadowRoot;
      if (shadow === undefined || shadow === null) return null;
      const answer = await connection.send('script.callFunction', {
        functionDeclaration: `(root) => { const box = root.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect(); return box === undefined ? null : JSON.stringify({ x: box.x, y: box.y, width: box.width, height: box.height }); }`,
        arguments: [{ sharedId: shadow.sharedId }],
        target: { context },
        awaitPromise: false,
      });
      const value = (answer.result.result as { value?: string | null }).value;
      return typeof value === 'string' ? (JSON.parse(value) as { x: number; y: number; width: number; height: number }) : null;
    };
    const found = (texts: string[]) => probePage.evaluate((list) => (window as unknown as PageProbes).findProbe(list), texts);
    const selected = () => probePage.evaluate(() => (window as unknown as PageProbes).selectedText());
    const tripleClick = async (box: { x: number; y: number; width: number; height: number }) => {
      await probePage.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { count: 3 });
      await probePage.keyboard.down('Control');
      await probePage.keyboard.press('c');
      await probePage.keyboard.up('Control');
    };

    type Box = { x: number; y: number; width: number; height: number };
    const drawn = async (read: () => Promise<Box | null>, timeout = 15_000): Promise<Box> =>
      vi.waitFor(
        async () => {
          const box = await read();
          if (box === null || box.width === 0) throw new Error('not drawn yet');
          return box;
        },
        { timeout, interval: 100 },
      );
    const line = await drawn(() => boxIn('reserve-radar-pill', '[data-testid="pill-balance"]'));
    expect.soft(await found(['You keep more here than your own limit', 'than your own limit'])).toEqual([false, false]);
    await tripleClick(line);
    expect.soft(await selected()).not.toContain('limit');

    const typed = async () => {
      if ((await probePage.evaluate(() => document.querySelectorAll('reserve-radar-mismatch').length)) === 0) {
        await probePage.click('#withdraw-address', { count: 3 });
        await probePage.keyboard.press('Backspace');
        await probePage.keyboard.type(OTHER);
      }
      return boxIn('reserve-radar-mismatch', '.mismatch p:nth-of-type(2)');
    };
    const body = await drawn(typed, 30_000);
    expect.soft(await found(['checked in the guide is', '5aAe b605', 'abab abab'])).toEqual([false, false, false]);
    expect.soft(await probePage.evaluate(() => (window as unknown as PageProbes).recoverAfter('guide is 0x'))).toBe('');
    await tripleClick(body);
    const warningSelected = await selected();
    const copies = await probePage.evaluate(() => (window as unknown as PageProbes).probeCopies);
    for (const secret of [WALLET.slice(2, 6), 'b605', 'guide', 'limit']) {
      expect.soft(warningSelected).not.toContain(secret);
      expect.soft(copies.join('\n')).not.toContain(secret);
    }
    expect(await shownInFirefox(firefox, probePage, 'reserve-radar-mismatch')).toBe(1);
    await probePage.close();
  });
});
