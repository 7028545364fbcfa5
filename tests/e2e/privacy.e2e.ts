import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeTabId, fakeExchangeHtml, launchChromium, root, routeSite, type ChromiumExtension } from './harness';
import { exchanges } from '../../lib/exchanges/registry';
import { FEED_URL } from '../../lib/feed/trust';
import { ownTokenChartUrl, pricedOwnTokens } from '../../lib/reserves/own-token-prices';

/**
 * Privacy by construction, checked in the real browser: the extension's requests go to the
 * configured data hosts only (DefiLlama, its coins API for the run watch's own-token prices, and
 * the signed feed), on their schedule, the same for everyone, and none carries anything about the
 * pages the user visits.
 */
const DATA_HOST = 'api.llama.fi';
const FEED_HOST = new URL(FEED_URL).hostname;
// Written from the registry alone: every priced own token of every operating exchange.
const CHART_URL = ownTokenChartUrl(pricedOwnTokens(exchanges));
const COINS_HOST = new URL(CHART_URL).hostname;
const visited = [
  'https://www.binance.com/en/trade/BTC_USDT',
  'https://www.kraken.com/prices',
  'https://www.example.org/private/page?q=secret',
  'https://news.example.net/article',
  'https://www.okx.com/account',
];

describe('privacy in Chromium', () => {
  let browser: ChromiumExtension;
  const cexs = readFileSync(join(root, 'tests/fixtures/defillama/cexs.json'), 'utf8');

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route(`https://${DATA_HOST}/**`, (route) =>
      new URL(route.request().url()).pathname === '/cexs' ? route.fulfill({ status: 200, contentType: 'application/json', body: cexs }) : route.fulfill({ status: 404, body: '' }),
    );
    for (const url of visited) await routeSite(browser.context, new URL(url).origin, fakeExchangeHtml(new URL(url).hostname));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('only the data host, only on schedule, never a visited address', async () => {
    // The first scheduled refresh happens by itself shortly after install.
    const deadline = Date.now() + 30_000;
    while (!browser.requests.some((url) => url === `https://${DATA_HOST}/cexs`) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(browser.requests).toContain(`https://${DATA_HOST}/cexs`);
    // The run watch's price request goes out on the same schedule, the one same address for everyone.
    while (!browser.requests.includes(CHART_URL) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(browser.requests).toContain(CHART_URL);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const beforeBrowsing = browser.requests.length;

    for (const url of visited) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForTimeout(800);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await activeTabId(browser.worker)}`);
      await popup.locator('main > *').first().waitFor();
      await popup.close();
      await page.close();
    }

    const slugs = new Set(exchanges.flatMap((exchange) => (exchange.defillamaSlug === undefined ? [] : [exchange.defillamaSlug])));
    const pageUrls = new Set(visited);
    const visitedHosts = visited.map((url) => new URL(url).hostname);
    for (const url of browser.requests) {
      if (url.startsWith('chrome-extension://') || pageUrls.has(url)) continue;
      // The feed: one fixed address, nothing added.
      if (new URL(url).hostname === FEED_HOST) {
        expect(url).toBe(FEED_URL);
        continue;
      }
      // The own-token prices: one fixed address, whatever the user holds or visits.
      if (new URL(url).hostname === COINS_HOST) {
        expect(url).toBe(CHART_URL);
        continue;
      }
      const parsed = new URL(url);
      expect(parsed.hostname, url).toBe(DATA_HOST);
      expect(parsed.search, url).toBe('');
      expect(parsed.pathname === '/cexs' || slugs.has(decodeURIComponent(parsed.pathname.replace(/^\/protocol\//, ''))), url).toBe(true);
      for (const host of visitedHosts) expect(url, url).not.toContain(host);
    }
    // Browsing itself caused no data request at all: the schedule decides, not the page.
    const duringBrowsing = browser.requests.slice(beforeBrowsing).filter((url) => url.includes(DATA_HOST) || url.includes(FEED_HOST) || url.includes(COINS_HOST));
    expect(duringBrowsing).toEqual([]);
  });
});
