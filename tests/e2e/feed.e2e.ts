import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { signFeed } from '../../lib/feed/sign-feed';
import { FEED_NAME, FEED_URL } from '../../lib/feed/trust';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { stableStringify } from '../../lib/reserves/stable-json';
import type { Snapshot } from '../../lib/reserves/schema';
import { TEST_FEED_KEY } from '../fixtures/feed/test-key';
import { exchangeTabAndSources, launchChromium, refreshSource, type ChromiumExtension } from './harness';

/**
 * The signed feed in the real extension (built by `npm test` with the public test key pinned):
 * served at the feed's own address by a route, taken when it verifies, refused when a figure was
 * changed after signing (the last good figures stay), and asked for the same way by everyone.
 */

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Kraken's reserve ratio as the feed states it, and the day its report describes. */
async function feedText(sequence: number, btcRatio: number, asOf: string): Promise<string> {
  const base = bundledSnapshot();
  const kraken = base.exchanges.kraken!;
  const today = new Date().toISOString().slice(0, 10);
  const snapshot: Snapshot = {
    ...base,
    generatedAt: new Date().toISOString(),
    exchanges: { ...base.exchanges, kraken: { ...kraken, por: { ...kraken.por!, reserveRatios: { BTC: btcRatio }, asOf, snapshotDate: asOf, checkedAt: today } } },
  };
  const { envelope } = await signFeed({ snapshot, name: FEED_NAME, sequence, issued: iso(Date.now() - 3_600_000), expires: iso(Date.now() + 7 * 86_400_000), privateKey: TEST_FEED_KEY });
  return stableStringify(envelope);
}

describe('the signed PoR feed in Chromium', () => {
  let browser: ChromiumExtension;
  let body = '';
  const feedRequests: Request[] = [];
  let tabId: number;
  let options: Page;
  const asOf = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route(FEED_URL, (route) => {
      feedRequests.push(route.request());
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
    ({ tabId, options } = await exchangeTabAndSources(browser, { origin: 'https://www.kraken.com', path: '/', name: 'Kraken' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const refresh = () => refreshSource(options, 'feed');

  async function krakenPor(): Promise<string> {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const text = (await popup.getByTestId('card-por-section').textContent()) ?? '';
    await popup.close();
    return text;
  }

  test('a feed signed by the pinned key is taken: the card shows its report, its date and today as checked', async () => {
    body = await feedText(1, 1.0731, asOf);
    const result = await refresh();
    expect(result.status).toBe('fresh');
    const card = await krakenPor();
    expect(card).toContain('107.31');
    expect(card).not.toMatch(/not checked since/i);
  });

  test("/cexs, never answered itself, gives the feed's totals: its row says they came with the signed feed, and Refresh now counts them as kept data", async () => {
    // A newer feed is taken again, so the refresh's only failures are the DefiLlama rows (every other host is unreachable).
    body = await feedText(2, 1.0731, asOf);
    await options.getByTestId('refresh-now').click();
    const notice = options.getByTestId('options-notice').filter({ hasText: /\S/ });
    await notice.waitFor();
    const cexs = options.locator('[data-testid="source-row"][data-source="cexs"]');
    const feedRow = options.locator('[data-testid="source-row"][data-source="feed"]');
    const seen = {
      feed: await feedRow.getAttribute('data-status'),
      status: await cexs.getAttribute('data-status'),
      row: await cexs.locator('.source__age').textContent(),
      notice: await notice.textContent(),
    };
    // Read, then reloaded for the next test's refresh, whatever they say.
    await options.reload();
    await options.getByTestId('sources').waitFor();
    // The feed numbered 2 was taken (its row is fresh); /cexs was not answered, so its row is not.
    expect(seen.feed).toBe('fresh');
    expect(seen.status).not.toBe('fresh');
    expect.soft(seen.row).toMatch(/^Using the totals from Reserve Radar’s signed feed: /);
    // /cexs keeps the feed's totals while the other failed rows have only the bundled data: some of each, not "bundled" for all.
    expect.soft(seen.notice).toMatch(/sources failed; we keep their last good data, or the data that came with Reserve Radar where there is none\.$/);
  });

  test('a feed with a figure changed after signing is refused, and the last good figures stay', async () => {
    // Numbered above the one held (2), so only the changed figure can be why it is refused.
    body = (await feedText(3, 1.0731, asOf)).replace('1.0731', '1.9731');
    const result = await refresh();
    expect(result.text).toMatch(/changed after signing/);
    const card = await krakenPor();
    expect(card).toContain('107.31');
    expect(card).not.toContain('197.31');
  });

  test('an older feed (a replay) is refused too', async () => {
    body = await feedText(3, 1.0555, asOf);
    expect((await refresh()).status).toBe('fresh');
    body = await feedText(2, 1.0444, asOf);
    const result = await refresh();
    expect(result.text).toMatch(/The feed is number 2, older than number 3, which Reserve Radar already has/);
    expect(await krakenPor()).toContain('105.55');
  });

  test('every request for the feed is the same for everyone: one URL, no cookies, no validators, nothing about the user', async () => {
    expect(feedRequests.length).toBeGreaterThanOrEqual(4);
    for (const request of feedRequests) {
      expect(request.url()).toBe(FEED_URL);
      expect(request.method()).toBe('GET');
      const headers = await request.allHeaders();
      for (const name of ['cookie', 'if-none-match', 'if-modified-since', 'authorization']) expect(headers[name]).toBeUndefined();
      expect(request.postData()).toBeNull();
    }
  });
});
