import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fakeExchangeHtml, firefoxBuild, inFirefoxPillRoot, requireFirefox, root, startHttpsSite } from './harness';

/**
 * The chosen language on an exchange page in Firefox (issue 17): there too the page's script may
 * not read the extension's files, and gets the words from the background.
 *
 * WebDriver BiDi refuses to navigate a tab to a moz-extension: address, so the test reaches an
 * extension page the way a user does: the pill's card opens the withdrawal guide in a new tab
 * (trusted clicks), and the language is set from there, through the extension's own storage API.
 */

const HOSTS = ['www.binance.com'];
type MessageFile = Record<string, { message: string }>;
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as MessageFile;
const swedish = read('sv');
const english = read('en');
const german = read('de');

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the chosen language on the exchange page, in Firefox', () => {
  let browser: Browser;
  let connection: BidiConnection;
  let site: Awaited<ReturnType<typeof startHttpsSite>> | undefined;
  const requested: string[] = [];

  /**
   * Runs `fn(root, arg)` on the closed shadow root of the pill, over BiDi (a page script never gets
   * that root); the answer travels as JSON text. `null` while there is no pill.
   */
  async function inPill<T>(page: Page, fn: string, arg = ''): Promise<T | null> {
    const answer = await inFirefoxPillRoot({ connection }, page, `(root, arg) => JSON.stringify((${fn})(root, arg) ?? null)`, arg);
    return answer === null ? null : (JSON.parse(String(answer)) as T | null);
  }

  /** A real (trusted) click in the middle of a pill element, scrolled into view first, as a user's. */
  async function clickInPill(page: Page, testId: string): Promise<void> {
    const box = await until(
      () =>
        inPill<{ x: number; y: number; width: number; height: number }>(
          page,
          '(root, sel) => { const node = root.querySelector(sel); node?.scrollIntoView({ block: "nearest" }); const r = node?.getBoundingClientRect(); return r && { x: r.x, y: r.y, width: r.width, height: r.height }; }',
          `[data-testid="${testId}"]`,
        ),
      (found) => found !== null,
      `the pill's ${testId}`,
    );
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  }

  /** The card's Withdraw opens the guide, an extension page, where the extension's API is: the language is set from there. */
  async function setLanguageFromGuide(page: Page, language: string): Promise<void> {
    const before = new Set(((await connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts as { context: string }[]).map((tab) => tab.context));
    await clickInPill(page, 'withdraw');
    const guide = await until(
      async () =>
        ((await connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts as { context: string; url: string }[]).find(
          (tab) => !before.has(tab.context) && tab.url.includes('/guide.html'),
        ),
      (tab) => tab !== undefined,
      'the guide tab',
    );
    const set = `browser.storage.local.get('settings').then(({ settings }) => browser.storage.local.set({ settings: { ...settings, language: ${JSON.stringify(language)} } })).then(() => 'ok')`;
    await until(
      async () => {
        const answer = await connection.send('script.evaluate', { expression: set, target: { context: guide!.context }, awaitPromise: true }).catch(() => undefined);
        return (answer?.result as { result?: { value?: unknown } } | undefined)?.result?.value;
      },
      (value) => value === 'ok',
      `the language set to ${language} from the guide page`,
    );
    await connection.send('browsingContext.close', { context: guide!.context });
  }

  const headings = (page: Page) => inPill<string[]>(page, '(root) => [...root.querySelectorAll(".card__heading")].map((node) => node.textContent)');

  beforeAll(async () => {
    site = await startHttpsSite(HOSTS, (request, response) => {
      requested.push(`${request.headers.host ?? ''}${request.url ?? ''}`);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fakeExchangeHtml(`${request.headers.host ?? ''} — stand-in`));
    });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: requireFirefox(),
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: { 'network.dns.localDomains': HOSTS.join(',') },
    });
    connection = (browser as unknown as { connection: BidiConnection }).connection;
    await browser.installExtension(firefoxBuild);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('Swedish set from an extension page: the card on binance.com follows it', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    await clickInPill(page, 'pill-toggle');
    expect(
      await until(
        () => headings(page),
        (found) => (found?.length ?? 0) > 0,
        'the card in English',
      ),
    ).toContain(english.cardProofOfReserves?.message);

    await setLanguageFromGuide(page, 'sv');

    await page.bringToFront();
    await page.reload();
    await clickInPill(page, 'pill-toggle');
    const swedishHeadings = await until(
      () => headings(page),
      (found) => found?.includes(swedish.cardProofOfReserves?.message ?? '-') === true,
      'the card in Swedish',
    );
    expect(swedishHeadings).not.toContain(english.cardProofOfReserves?.message);
    expect(await inPill<string>(page, '(root) => root.querySelector("[data-testid=\\"withdraw\\"]")?.textContent')).toBe(swedish.withdrawAction?.message);
    // The stand-in exchange's server saw its own pages only.
    expect(requested.every((url) => url.startsWith('www.binance.com/'))).toBe(true);
    await page.close();
  });

  test('the language changed while the card is open on binance.com: the open card and its pill word themselves again in place, with no reload', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    await clickInPill(page, 'pill-toggle');
    await until(
      () => headings(page),
      (found) => (found?.length ?? 0) > 0,
      'the card',
    );
    const loadedAt = await page.evaluate(() => performance.timeOrigin);

    await setLanguageFromGuide(page, 'de');
    await page.bringToFront();
    const germanHeadings = await until(
      () => headings(page),
      (found) => found?.includes(german.cardProofOfReserves?.message ?? '-') === true,
      'the open card in German',
    );
    for (const other of [english, swedish]) expect(germanHeadings).not.toContain(other.cardProofOfReserves?.message);
    expect(await inPill<string>(page, '(root) => root.querySelector("[data-testid=\\"withdraw\\"]")?.textContent')).toBe(german.withdrawAction?.message);
    expect(await inPill<string>(page, '(root) => root.querySelector("[data-testid=\\"pill-close\\"]")?.getAttribute("aria-label")')).toBe(german.close?.message);
    expect(await inPill<string>(page, '(root) => root.querySelector("style + div")?.lang')).toBe('de');
    // The same page, never loaded again.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    await page.close();
  });
});
