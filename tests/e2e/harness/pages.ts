/** Set-ups several tests share: an exchange tab beside the options page, a source refreshed, the pill's place on a page. */
import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { activeTabId, launchChromium, type ChromiumExtension } from './chromium';
import { launchFirefox, type FirefoxExtension } from './firefox';
import { fakeExchangeHtml, routeSite, startHttpsSite } from './servers';
import { shadowUi } from './shadow';
import { FEED_URL } from '../../../lib/feed/trust';

/**
 * Presses "Refresh now" on an open options page and reads one source's row when it is done: its
 * status and its words (the last error, in plain words). Reloads the page for the next call.
 */
export async function refreshSource(options: Page, source: string): Promise<{ status: string | null; text: string }> {
  await options.getByTestId('refresh-now').click();
  await options.getByTestId('options-notice').filter({ hasText: /\S/ }).waitFor();
  const row = options.locator(`[data-testid="source-row"][data-source="${source}"]`);
  const result = { status: await row.getAttribute('data-status'), text: (await row.textContent()) ?? '' };
  await options.reload();
  await options.getByTestId('sources').waitFor();
  return result;
}

/**
 * Where the collapsed pill sits on `origin`, learned from an ordinary load of a stand-in page; then
 * `origin` serves `html` instead, and a request to `/pill-appeared` (the page's own beacon for the
 * moment our element arrives) resolves `pillAppeared`. Leaves `page` on about:blank.
 */
export async function pillPlaceThenServe(
  context: BrowserContext,
  page: Page,
  origin: string,
  html: string,
): Promise<{ box: { x: number; y: number; width: number; height: number }; pillAppeared: Promise<void> }> {
  await routeSite(context, origin, fakeExchangeHtml(`${new URL(origin).hostname} — stand-in`));
  await page.goto(`${origin}/`);
  const box = await shadowUi(page).box('pill-toggle');
  await page.goto('about:blank');
  await context.unroute(`${origin}/**`);
  let appeared: () => void = () => undefined;
  const pillAppeared = new Promise<void>((resolve) => (appeared = resolve));
  await context.route(`${origin}/**`, (route) => {
    if (new URL(route.request().url()).pathname === '/pill-appeared') {
      appeared();
      return route.fulfill({ status: 204 });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  return { box, pillAppeared };
}

/**
 * A stand-in exchange page with its pill drawn, and the options page open at Data sources: the
 * setup of the tests that refresh a source and read what the tab and the options page show.
 */
export async function exchangeTabAndSources(browser: ChromiumExtension, { origin, path, name }: { origin: string; path: string; name: string }): Promise<{ tabId: number; options: Page }> {
  await routeSite(browser.context, origin, fakeExchangeHtml(`${name} — stand-in`));
  const page = await browser.context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => document.querySelector('reserve-radar-pill'));
  const tabId = await activeTabId(browser.worker);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('sources').waitFor();
  return { tabId, options };
}

/** What has the focus on a page: its test id, else its tag name (BODY when the focus fell out of the page's controls). */
export const focusedTestId = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

/**
 * Waits until the stored settings hold `value` under `name`, read from an extension page: a setting typed in the
 * options page is saved a moment later, and the page that reads it next must not open before it is.
 */
export async function untilSettingStored(extensionPage: Page, name: string, value: unknown): Promise<void> {
  await expect
    .poll(() =>
      extensionPage.evaluate(async (key) => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<{ settings?: Record<string, unknown> }> } } } };
        return (await chrome.storage.local.get('settings')).settings?.[key];
      }, name),
    )
    .toEqual(value);
}

/**
 * Waits until the install has stored the first paint (the pill's words and cards for a page met while the worker
 * sleeps), asking the extension's newest worker. What was checked (DevTools ServiceWorker status, 5 launches of this
 * build): one worker version, running, and no stop or restart of it in the 6 to 12 s after the first paint was
 * stored; so no restart is pending when a test then calls stopServiceWorker, which waits for the status "stopped".
 */
export async function untilFirstPaintStored(browser: ChromiumExtension, timeout = 20_000): Promise<void> {
  // vi.waitFor, not expect.poll: this is also called from a beforeAll. It retries on every error, so a worker
  // that closes under the question is asked again; any other error shows only when the wait times out.
  await vi.waitFor(
    async () => {
      const worker = browser.context
        .serviceWorkers()
        .filter((candidate) => new URL(candidate.url()).host === browser.extensionId)
        .at(-1);
      if (worker === undefined) throw new Error('no worker of the extension');
      const stored = await worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
        return (await chrome.storage.local.get('firstPaint')).firstPaint !== undefined;
      });
      if (!stored) throw new Error('no first paint stored yet');
    },
    { timeout, interval: 100 },
  );
}

/** The extension's service worker now running in `browser` (a stopped one is woken by an extension page's question first). */
export function extensionWorker(browser: ChromiumExtension): Worker {
  const worker = browser.context.serviceWorkers().find((candidate) => candidate.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  if (worker === undefined) throw new Error('no service worker');
  return worker;
}

/**
 * Chromium with the built extension, each origin of `sites` (origin → page title) serving a stand-in exchange page,
 * once the install has stored the first paint: the start of the tests of what an exchange page draws.
 */
export async function chromiumOnExchanges(sites: Record<string, string>): Promise<ChromiumExtension> {
  const browser = await launchChromium();
  for (const [origin, title] of Object.entries(sites)) await routeSite(browser.context, origin, fakeExchangeHtml(title));
  await untilFirstPaintStored(browser);
  return browser;
}

/**
 * Firefox with the built add-on, each host of `sites` (host → page title) resolved to this machine and serving a
 * stand-in exchange page over HTTPS. `close()` closes both.
 */
export async function firefoxOnExchanges(sites: Record<string, string>): Promise<FirefoxExtension> {
  const site = await startHttpsSite(Object.keys(sites), (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(fakeExchangeHtml(sites[(request.headers.host ?? '').replace(/:\d+$/, '')] ?? 'stand-in'));
  });
  // A launch that throws leaves no one holding the site: close it here, or :443 stays taken for the rest of the file.
  const firefox = await launchFirefox({ hosts: Object.keys(sites) }).catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  return {
    ...firefox,
    close: async () => {
      await firefox.close();
      await site.close();
    },
  };
}

/**
 * Asks `read` again every 100 ms until it answers `expected` (a read that throws counts as no answer), for at most
 * `timeout` ms; returns the last answer, for the test's own assertion to show.
 */
export async function until<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<T> {
  let last = await read().catch(() => undefined as T);
  for (const deadline = Date.now() + timeout; last !== expected && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read().catch(() => undefined as T);
  }
  return last;
}

/** The popup's requests whose answers have arrived, by type, in the page: a sync point for what an answer draws, or does not. */
export async function recordAnswers(popup: Page): Promise<void> {
  await popup.addInitScript(() => {
    type Runtime = { sendMessage(message: unknown): Promise<unknown> };
    const scope = globalThis as unknown as { answered: string[]; chrome?: { runtime?: Runtime }; browser?: { runtime?: Runtime } };
    scope.answered = [];
    // This Chromium has a `browser` namespace too, which the extension's pages use when it is there.
    for (const runtime of new Set([scope.browser?.runtime, scope.chrome?.runtime])) {
      if (runtime === undefined) continue;
      const sendMessage = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message: unknown) =>
        sendMessage(message).then((answer) => {
          scope.answered.push((message as { type?: string }).type ?? '');
          return answer;
        });
    }
  });
}

/**
 * For the describe block it is called in: a new profile in Chromium whose signed feed cannot be reached (503) until
 * `serveFeed` gives it a body, every other host unreachable throughout; set up once the install stored its first paint
 * (only the data that came with the extension is in use then), closed after the block. `browser()` is that profile.
 */
export function chromiumBeforeFirstFeed(): { browser: () => ChromiumExtension; serveFeed(body: string): void } {
  let browser: ChromiumExtension | undefined;
  let feed: string | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route(FEED_URL, (route) => (feed === undefined ? route.fulfill({ status: 503, body: '' }) : route.fulfill({ status: 200, contentType: 'application/json', body: feed })));
    await untilFirstPaintStored(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => {
      if (browser === undefined) throw new Error('chromiumBeforeFirstFeed: no browser before the block began');
      return browser;
    },
    serveFeed: (body) => void (feed = body),
  };
}
