import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { signFeed } from '../../lib/feed/sign-feed';
import { FEED_NAME, FEED_URL } from '../../lib/feed/trust';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { stableStringify } from '../../lib/reserves/stable-json';
import type { Snapshot } from '../../lib/reserves/schema';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../fixtures/feed/test-key';
import { exchangeTabAndSources, isolatedWorld, launchChromium, offscreenDocuments, refreshSource, type ChromiumExtension } from './harness';

/**
 * Chrome's service worker holds no viem: the feed's signature is checked in an offscreen
 * document made on demand and closed when idle (entrypoints/background/offscreen-client.ts).
 * Here, in Chromium with the built extension: the check really runs there, a document that
 * cannot be made leaves the feed unverified (the last good figures stay), and the document
 * answers our service worker only.
 */

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function feedText(sequence: number, btcRatio: number): Promise<string> {
  const base = bundledSnapshot();
  const kraken = base.exchanges.kraken!;
  const asOf = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const snapshot: Snapshot = {
    ...base,
    generatedAt: new Date().toISOString(),
    exchanges: { ...base.exchanges, kraken: { ...kraken, por: { ...kraken.por!, reserveRatios: { BTC: btcRatio }, asOf, snapshotDate: asOf, checkedAt: new Date().toISOString().slice(0, 10) } } },
  };
  const { envelope } = await signFeed({ snapshot, name: FEED_NAME, sequence, issued: iso(Date.now() - 3_600_000), expires: iso(Date.now() + 7 * 86_400_000), privateKey: TEST_FEED_KEY });
  return stableStringify(envelope);
}

/** A chain-work request as only the background may send it: check a new subscription's signer address. */
const chainWorkRequest = { target: 'chain-work', op: 'createSubscription', work: { url: 'https://lists.example/list.json', expectedSigner: TEST_FEED_SIGNER.toLowerCase() } };

describe('the offscreen document in Chromium', () => {
  let browser: ChromiumExtension;
  let body = '';
  let tabId: number;
  let options: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route(FEED_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    ({ tabId, options } = await exchangeTabAndSources(browser, { origin: 'https://www.kraken.com', path: '/', name: 'Kraken' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function krakenPor(): Promise<string> {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const text = (await popup.getByTestId('card-por-section').textContent()) ?? '';
    await popup.close();
    return text;
  }

  test('the feed is checked in an offscreen document made for it, which closes once idle', async () => {
    expect(await offscreenDocuments(browser.worker)).toBe(0);
    body = await feedText(1, 1.0731);
    expect((await refreshSource(options, 'feed')).status).toBe('fresh');
    expect(await krakenPor()).toContain('107.31');
    expect(await offscreenDocuments(browser.worker)).toBe(1);
    await expect.poll(() => offscreenDocuments(browser.worker), { timeout: 30_000, interval: 500 }).toBe(0);
  });

  test('when the document cannot be made, a validly signed newer feed is not taken and the last good figures stay', async () => {
    await browser.worker.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { offscreen: { createDocument: unknown; realCreate?: unknown } } }).chrome;
      api.offscreen.realCreate = api.offscreen.createDocument;
      api.offscreen.createDocument = () => Promise.reject(new Error('refused for the test'));
    });
    body = await feedText(2, 1.5555);
    const refused = await refreshSource(options, 'feed');
    expect(refused.text).toMatch(/could not be checked/);
    expect(await offscreenDocuments(browser.worker)).toBe(0);
    const card = await krakenPor();
    expect(card).toContain('107.31');
    expect(card).not.toContain('155.55');

    // The same feed is taken once the document can be made again: nothing about it was held against it.
    await browser.worker.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { offscreen: { createDocument: unknown; realCreate?: unknown } } }).chrome;
      api.offscreen.createDocument = api.offscreen.realCreate;
    });
    expect((await refreshSource(options, 'feed')).status).toBe('fresh');
    expect(await krakenPor()).toContain('155.55');
  });

  test('a feed changed after signing is refused through the document too', async () => {
    body = (await feedText(3, 1.2222)).replace('1.2222', '1.9222');
    const result = await refreshSource(options, 'feed');
    expect(result.text).toMatch(/changed after signing/);
    expect(await offscreenDocuments(browser.worker)).toBe(1);
    const card = await krakenPor();
    expect(card).toContain('155.55');
    expect(card).not.toContain('192.22');
  });

  test('the document answers our service worker only: not a content script, not an extension page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill'));
    const { cdp, contextId } = await isolatedWorld(page, browser.extensionId);
    // A check opens the document (it stays for 10 s), then all three ask the same thing at once.
    body = await feedText(4, 1.3333);
    expect((await refreshSource(options, 'feed')).status).toBe('fresh');
    expect(await offscreenDocuments(browser.worker)).toBe(1);

    const fromWorker = await browser.worker.evaluate(async (request) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
      return api.runtime.sendMessage(request);
    }, chainWorkRequest);
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(chainWorkRequest)}).then((answer) => answer === undefined ? 'none' : answer, (error) => 'error: ' + String(error))`,
      awaitPromise: true,
      returnByValue: true,
    });
    const fromPage = await options.evaluate(async (request) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
      return api.runtime.sendMessage(request).then((answer) => (answer === undefined ? 'none' : answer));
    }, chainWorkRequest);
    // The document was there throughout, so the silence below is its refusal.
    expect(await offscreenDocuments(browser.worker)).toBe(1);

    expect(fromWorker).toEqual({ ok: true, subscription: { url: 'https://lists.example/list.json', expectedSigner: TEST_FEED_SIGNER, lastCheck: null } });
    // A script in the exchange page's extension world: no answer.
    expect(result.value).toBe('none');
    // One of our own pages: no answer either; the work is the background's to ask for.
    expect(fromPage).toBe('none');
    await cdp.detach();
    await page.close();
  });
});
