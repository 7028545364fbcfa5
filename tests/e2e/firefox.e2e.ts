import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:https';
import type { Browser, Page } from 'puppeteer-core';
import { fakeExchangeHtml, launchFirefox, selfSignedCertificate, type FirefoxExtension } from './harness';
import { signFeed } from '../../lib/feed/sign-feed';
import { FEED_NAME, FEED_URL } from '../../lib/feed/trust';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { stableStringify } from '../../lib/reserves/stable-json';
import { TEST_FEED_KEY } from '../fixtures/feed/test-key';

const feedUrl = new URL(FEED_URL);
const HOSTS = ['www.binance.com', 'www.kraken.com', 'www.example.org', feedUrl.host];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A feed signed with the test key (the test build pins it) with a fresh Kraken report whose BTC
 * ratio is given: at 50 % the pill on kraken.com must say danger, which the bundled data never does.
 */
async function signedFeed(sequence: number, btcRatio: number): Promise<string> {
  const base = bundledSnapshot();
  const kraken = base.exchanges.kraken!;
  const asOf = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const por = { ...kraken.por!, reserveRatios: { BTC: btcRatio }, asOf, snapshotDate: asOf, checkedAt: new Date().toISOString().slice(0, 10) };
  delete por.publishedDate;
  const snapshot = { ...base, exchanges: { ...base.exchanges, kraken: { ...kraken, por } } };
  const { envelope } = await signFeed({ snapshot, name: FEED_NAME, sequence, issued: iso(Date.now() - 3_600_000), expires: iso(Date.now() + 86_400_000), privateKey: TEST_FEED_KEY });
  return stableStringify(envelope);
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { result: { type: string; value?: unknown; sharedId?: string } } }>;
}

/**
 * The text of `testId` inside the closed shadow root of `hostTag`, read over WebDriver BiDi:
 * with `includeShadowTree: 'all'` the browser hands the test a reference to closed roots too,
 * which a page script never gets. `null` when there is no such element.
 */
async function closedRootText(browser: Browser, page: Page, hostTag: string, testId: string): Promise<{ mode: unknown; text: unknown } | null> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const host = await connection.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(hostTag)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = (host.result.result.value as { shadowRoot?: { sharedId: string; value?: { mode?: string } } } | undefined)?.shadowRoot;
  if (shadow === undefined || shadow === null) return null;
  const text = await connection.send('script.callFunction', {
    functionDeclaration: '(root, selector) => root.querySelector(selector)?.textContent ?? null',
    arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: `[data-testid="${testId}"]` }],
    target: { context },
    awaitPromise: false,
  });
  return { mode: shadow.value?.mode, text: text.result.result.value ?? null };
}

/**
 * Firefox resolves the exchange's hostname to this machine (`network.dns.localDomains`) and a
 * local HTTPS server on port 443 plays the exchange, so the content script (HTTPS only) runs as
 * it would there.
 */
describe('Firefox with the built extension', () => {
  let firefox: FirefoxExtension;
  let browser: Browser;
  let site: Server;
  let feedBody = '';
  const feedRequests: { url: string; method: string; headers: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    // Served from the start: the background's first scheduled refresh, shortly after install, reads it.
    feedBody = await signedFeed(1, 0.5);
    site = createServer(selfSignedCertificate(HOSTS), (request, response) => {
      const host = request.headers.host ?? '';
      if (host === feedUrl.host) {
        feedRequests.push({ url: `https://${host}${request.url ?? ''}`, method: request.method ?? '', headers: { ...request.headers } });
        response.writeHead(request.url === feedUrl.pathname ? 200 : 404, { 'content-type': 'application/json', etag: '"install-7"' });
        response.end(request.url === feedUrl.pathname ? feedBody : 'not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fakeExchangeHtml(host === 'www.example.org' ? `${host} — not an exchange` : `${host} — stand-in`));
    });
    await new Promise<void>((resolve, reject) => {
      site.once('error', reject);
      site.listen(443, '127.0.0.1', () => resolve());
    });
    firefox = await launchFirefox({ hosts: HOSTS });
    browser = firefox.browser;
  });
  afterAll(async () => {
    await firefox?.close();
    await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
  });

  test('shows the pill with the exchange name on binance.com, in a root closed to the page', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    let pill: Awaited<ReturnType<typeof closedRootText>> = null;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      pill = await closedRootText(browser, page, 'reserve-radar-pill', 'pill-name');
      if (pill?.text) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(pill).toEqual({ mode: 'closed', text: 'Binance' });
    // The page itself sees an element and nothing in it.
    expect(await page.evaluate(() => {
      const host = document.querySelector('reserve-radar-pill');
      return { present: host !== null, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? null };
    })).toEqual({ present: true, shadowRoot: null, text: '' });
    await page.close();
  });

  test('injects nothing on a page that is not an exchange', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.example.org/');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill') === null)).toBe(true);
    await page.close();
  });

  /** The pill's status words on `url`, read through the closed root once they are there. */
  async function pillStatus(url: string): Promise<unknown> {
    const page = await browser.newPage();
    await page.goto(url);
    let status: unknown = null;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && !status; ) {
      status = (await closedRootText(browser, page, 'reserve-radar-pill', 'pill-status'))?.text ?? null;
      if (!status) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await page.close();
    return status;
  }

  test('reads the signed feed by itself on schedule, the same request as anyone\'s, and the pill shows its figures', async () => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && feedRequests.length === 0; ) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(feedRequests.length).toBeGreaterThan(0);
    for (const request of feedRequests) {
      expect(request.url).toBe(FEED_URL);
      expect(request.method).toBe('GET');
      for (const name of ['cookie', 'if-none-match', 'if-modified-since', 'authorization']) expect(request.headers[name]).toBeUndefined();
    }
    // Kraken's bundled record gives no danger; the feed's fresh 50 % ratio does.
    await expect.poll(() => pillStatus('https://www.kraken.com/'), { timeout: 30_000 }).toMatch(/^Danger/);
  });
});

/** The same, with the figure changed after signing: the feed is refused and the bundled data stays. */
describe('Firefox with a feed changed after signing', () => {
  let firefox: FirefoxExtension;
  let site: Server;
  let requests = 0;

  beforeAll(async () => {
    const body = (await signedFeed(1, 1.0731)).replace('1.0731', '0.5');
    site = createServer(selfSignedCertificate(HOSTS), (request, response) => {
      if (request.headers.host === feedUrl.host) {
        requests += 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fakeExchangeHtml('stand-in'));
    });
    await new Promise<void>((resolve, reject) => {
      site.once('error', reject);
      site.listen(443, '127.0.0.1', () => resolve());
    });
    firefox = await launchFirefox({ hosts: HOSTS });
  });
  afterAll(async () => {
    await firefox?.close();
    await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
  });

  test('the pill keeps the bundled verdict', async () => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && requests === 0; ) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(requests).toBeGreaterThan(0);
    const page = await firefox.browser.newPage();
    await page.goto('https://www.kraken.com/');
    let status: unknown = null;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && !status; ) {
      status = (await closedRootText(firefox.browser, page, 'reserve-radar-pill', 'pill-status'))?.text ?? null;
      if (!status) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe('Unknown');
    await page.close();
  });
});
