import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:https';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fakeExchangeHtml, firefoxBuild, launchFirefox, requireFirefox, selfSignedCertificate, type FirefoxExtension, krakenFeed } from './harness';
import { FEED_URL } from '../../lib/feed/trust';
import { cexsWithRunOnBinance } from './run-cexs';

const feedUrl = new URL(FEED_URL);
const HOSTS = ['www.binance.com', 'www.kraken.com', 'www.example.org', feedUrl.host];

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

/** The middle of `testId` inside the closed root of `hostTag`, in viewport pixels, for a real (trusted) mouse click. */
async function closedRootCenter(browser: Browser, page: Page, hostTag: string, testId: string): Promise<{ x: number; y: number } | null> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const host = await connection.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(hostTag)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = (host.result.result.value as { shadowRoot?: { sharedId: string } } | undefined)?.shadowRoot;
  if (shadow === undefined || shadow === null) return null;
  const box = await connection.send('script.callFunction', {
    functionDeclaration:
      '(root, selector) => { const r = root.querySelector(selector)?.getBoundingClientRect(); return r === undefined ? null : JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2 }); }',
    arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: `[data-testid="${testId}"]` }],
    target: { context },
    awaitPromise: false,
  });
  const value = box.result.result.value;
  return typeof value === 'string' ? (JSON.parse(value) as { x: number; y: number }) : null;
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
    feedBody = await krakenFeed(1, 0.5);
    site = createServer(selfSignedCertificate(HOSTS), (request, response) => {
      const host = request.headers.host ?? '';
      if (host === feedUrl.host) {
        feedRequests.push({ url: `https://${host}${request.url ?? ''}`, method: request.method ?? '', headers: { ...request.headers } });
        response.writeHead(request.url === feedUrl.pathname ? 200 : 404, { 'content-type': 'application/json', etag: '"install-7"' });
        response.end(request.url === feedUrl.pathname ? feedBody : 'not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // `/field`: a page with a field of its own, where the user was before reaching for the pill.
      const field = request.url === '/field' ? '<label>Amount <input id="amount" type="text"></label>' : '';
      response.end(fakeExchangeHtml(host === 'www.example.org' ? `${host} — not an exchange` : `${host} — stand-in`, field));
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
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('reserve-radar-pill');
        return { present: host !== null, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? null };
      }),
    ).toEqual({ present: true, shadowRoot: null, text: '' });
    await page.close();
  });

  test("closing the pill with × gives focus back to the page's field the user was in", async () => {
    const page = await browser.newPage();
    await page.goto('https://www.kraken.com/field');
    let close: Awaited<ReturnType<typeof closedRootCenter>> = null;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && close === null; ) {
      close = await closedRootCenter(browser, page, 'reserve-radar-pill', 'pill-close');
      if (close === null) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (close === null) throw new Error('no pill-close in the pill');
    await page.click('#amount');
    await page.mouse.click(close.x, close.y);
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      if (await page.evaluate(() => document.querySelector('reserve-radar-pill') === null)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect
      .poll(() => page.evaluate(() => ({ pill: document.querySelector('reserve-radar-pill') !== null, focus: document.activeElement?.id ?? null })))
      .toEqual({ pill: false, focus: 'amount' });
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

  test("reads the signed feed by itself on schedule, the same request as anyone's, and the pill shows its figures", async () => {
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
    const body = (await krakenFeed(1, 1.0731)).replace('1.0731', '0.5');
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

/**
 * A run on Binance in a served /cexs answer: the toolbar badge turns red on binance.com (and
 * everywhere once holdings on Binance are recorded) and the pill leads with the alert.
 */
describe('Firefox with a run on Binance', () => {
  const hosts = ['www.binance.com', 'api.llama.fi'];
  const uuid = 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  let browser: Browser;
  let site: Server;
  let cexsRequests = 0;

  beforeAll(async () => {
    const cexs = cexsWithRunOnBinance();
    site = createServer(selfSignedCertificate(hosts), (request, response) => {
      if (request.headers.host === 'api.llama.fi') {
        const isCexs = request.url === '/cexs';
        if (isCexs) cexsRequests += 1;
        response.writeHead(isCexs ? 200 : 404, { 'content-type': 'application/json' }).end(isCexs ? cexs : '{}');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fakeExchangeHtml('Binance — stand-in'));
    });
    await new Promise<void>((resolve, reject) => {
      site.once('error', reject);
      site.listen(443, '127.0.0.1', () => resolve());
    });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: requireFirefox(),
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: { 'network.dns.localDomains': hosts.join(','), 'extensions.webextensions.uuids': JSON.stringify({ 'reserve-radar@reserve-radar.app': uuid }) },
    });
    await browser.installExtension(firefoxBuild);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
  });

  /**
   * An extension page of ours, to ask the browser what the badge shows. This Firefox refuses a
   * test's navigation to moz-extension:// addresses, so the page is reached the way a user reaches
   * it: a real click on the pill's card, "open the guide", which opens our guide in a new tab.
   */
  async function guideFromPill(page: Page): Promise<Page> {
    const click = async (testId: string) => {
      let center: Awaited<ReturnType<typeof closedRootCenter>> = null;
      for (const deadline = Date.now() + 15_000; Date.now() < deadline && center === null; ) {
        center = await closedRootCenter(browser, page, 'reserve-radar-pill', testId);
        if (center === null) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      if (center === null) throw new Error(`no ${testId} in the pill`);
      await page.mouse.click(center.x, center.y);
    };
    await click('pill-toggle');
    await click('withdraw');
    // Over BiDi the new tab's url() stays "about:blank"; its own location says where it is.
    const where = (candidate: Page) => candidate.evaluate(() => (typeof (globalThis as { browser?: unknown }).browser === 'object' ? location.href : '')).catch(() => '');
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      for (const candidate of await browser.pages()) if ((await where(candidate)).startsWith(`moz-extension://${uuid}/guide.html`)) return candidate;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the guide did not open');
  }

  test('the badge turns red, the pill leads with the alert on binance.com, and its card opens the guide in one click', async () => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && cexsRequests === 0; ) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(cexsRequests).toBeGreaterThan(0);
    const page = await browser.newPage();
    let lead: Awaited<ReturnType<typeof closedRootText>> = null;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && lead?.text !== 'Run alert: money is leaving Binance fast'; ) {
      await page.goto('https://www.binance.com/en').catch(() => undefined);
      for (const until = Date.now() + 5_000; Date.now() < until && !lead?.text; ) {
        lead = await closedRootText(browser, page, 'reserve-radar-pill', 'pill-run');
        if (!lead?.text) await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(lead).toEqual({ mode: 'closed', text: 'Run alert: money is leaving Binance fast' });

    const options = await guideFromPill(page);
    expect(await options.evaluate(() => location.href)).toBe(`moz-extension://${uuid}/guide.html?exchange=binance`);
    type Api = {
      browserAction: {
        getBadgeText(details: { tabId?: number }): Promise<string>;
        getBadgeBackgroundColor(details: { tabId?: number }): Promise<number[]>;
        getTitle(details: { tabId?: number }): Promise<string>;
      };
      tabs: { query(query: object): Promise<{ id?: number }[]> };
      storage: { local: { set(items: object): Promise<void> } };
    };
    const badges = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        const tabs = await api.tabs.query({});
        const perTab = await Promise.all(
          tabs.map(async (tab) => {
            const which = tab.id === undefined ? {} : { tabId: tab.id };
            return { text: await api.browserAction.getBadgeText(which), color: await api.browserAction.getBadgeBackgroundColor(which), title: await api.browserAction.getTitle(which) };
          }),
        );
        return { global: await api.browserAction.getBadgeText({}), globalTitle: await api.browserAction.getTitle({}), perTab };
      });
    // The binance.com tab is red; with no holdings recorded, the others (the guide's) are not.
    await expect.poll(async () => (await badges()).perTab.filter((badge) => badge.text === '!').length).toBe(1);
    const before = await badges();
    expect(before.global).toBe('');
    expect(before.perTab.find((badge) => badge.text === '!')?.color).toEqual([179, 38, 30, 255]);
    // The button's tooltip says what the red "!" means (browserAction in Firefox's MV2).
    await expect.poll(async () => (await badges()).perTab.find((badge) => badge.text === '!')?.title).toBe('Reserve Radar: Run alert: money is leaving Binance fast');
    // Holdings on Binance recorded: every tab turns red.
    await options.evaluate(() =>
      (globalThis as unknown as { browser: Api }).browser.storage.local.set({
        holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] },
      }),
    );
    await expect.poll(async () => (await badges()).global).toBe('!');
    // The red "!" on the tabs without a badge of their own says what it means too.
    const alert = 'Reserve Radar: Run alert: money is leaving Binance fast';
    await expect.poll(async () => (await badges()).globalTitle).toBe(alert);
    const after = await badges();
    expect(after.perTab.length).toBeGreaterThan(1);
    expect(after.perTab.map((badge) => badge.title)).toEqual(after.perTab.map(() => alert));
    await options.close();
    await page.close();
  });
});
