/**
 * A hostile exchange page cannot stop the exchange-page script by forging the "a newer copy started" notice.
 * The event's name is public (the extension's id, its script's name and WXT's suffix), and Firefox lets an
 * extension's script read a `detail` the page made; a script that obeyed it would take its pill, the
 * withdrawal-address watch and every other listener off the page for the page's life.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumOnExchanges, firefoxOnExchanges, inFirefoxPillRoot, shadowUi, type ChromiumExtension, type FirefoxExtension } from './harness';

const GECKO_ID = 'reserve-radar@reserve-radar.app';
/** Longer than the script's own 1 s look at its context: an obeyed notice has taken the pill off by then. */
const AFTER_MS = 1500;

/** What the page runs: the notice WXT's class and ours send when they start, with a made-up copy's id. */
const forge = (extensionId: string) => {
  for (const messageId of ['forged', '', 'x'.repeat(12)]) {
    document.dispatchEvent(new CustomEvent(`${extensionId}:exchange:wxt:content-script-started`, { detail: { contentScriptName: 'exchange', messageId } }));
  }
};

describe('a forged "newer copy started" notice, in Firefox', () => {
  let firefox: FirefoxExtension;

  beforeAll(async () => {
    firefox = await firefoxOnExchanges({ 'www.kraken.com': 'Kraken — stand-in' });
  });
  afterAll(async () => {
    await firefox?.close();
  });

  test('the pill stays on the page, drawn', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('https://www.kraken.com/');
    const toggle = () => inFirefoxPillRoot(firefox, page, '(root, selector) => root.querySelector(selector) !== null', '[data-testid="pill-toggle"]');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') !== null, { timeout: 15_000 });
    for (let tries = 0; tries < 150 && (await toggle()) !== true; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await toggle()).toBe(true);
    await page.evaluate(forge, GECKO_ID);
    await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
    expect(await page.evaluate(() => document.querySelectorAll('reserve-radar-pill').length)).toBe(1);
    expect(await toggle()).toBe(true);
    await page.close();
  });
});

describe('a forged "newer copy started" notice, in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await chromiumOnExchanges({ 'https://www.kraken.com': 'Kraken — stand-in' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the pill stays on the page, drawn', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    await page.evaluate(forge, browser.extensionId);
    await page.waitForTimeout(AFTER_MS);
    expect(await page.evaluate(() => document.querySelectorAll('reserve-radar-pill').length)).toBe(1);
    await pill.waitFor('pill-toggle', { timeout: 1000 });
    await page.close();
  });
});
