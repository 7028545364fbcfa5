import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { signFeed } from '../../lib/feed/sign-feed';
import { FEED_NAME, FEED_URL } from '../../lib/feed/trust';
import type { KnownBad } from '../../lib/exchanges/known-bad';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { stableStringify } from '../../lib/reserves/stable-json';
import { TEST_FEED_KEY } from '../fixtures/feed/test-key';
import {
  axeProblems,
  fakeExchangeHtml,
  firefoxOrigin,
  launchChromium,
  launchFirefox,
  refreshSource,
  routeSite,
  startHttpsSite,
  textContrast,
  type ChromiumExtension,
  type FirefoxExtension,
} from './harness';

/**
 * A host the rules do not flag, named by a phishing list the signed feed carries: the built
 * extension warns about it in both browsers, with the list, its link and the day our copy was read.
 * The host and the list are made up; no real list is copied here.
 */

const LISTED = 'quiet-harbor-rewards.com';
const TARGET = `https://login.${LISTED}/en/sign-in`;
const LIST_NAME = 'Example phishing list';
const LIST_URL = 'https://lists.example/phishing.json';
const feedUrl = new URL(FEED_URL);

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function feedWithListing({ listed = true, sequence = 1 } = {}): Promise<string> {
  const knownBad: KnownBad = {
    lists: [{ id: 'example', name: LIST_NAME, url: LIST_URL, fetchedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), sha256: 'e'.repeat(64), hosts: listed ? [[LISTED, 'kraken']] : [] }],
  };
  const snapshot = { ...bundledSnapshot(), generatedAt: new Date().toISOString(), knownBad };
  const { envelope } = await signFeed({ snapshot, name: FEED_NAME, sequence, issued: iso(Date.now() - 3_600_000), expires: iso(Date.now() + 86_400_000), privateKey: TEST_FEED_KEY });
  return stableStringify(envelope);
}

describe('a phishing-listed host in Chromium', () => {
  let browser: ChromiumExtension;
  let options: import('playwright-core').Page;
  // Nothing usable until the test serves the feed: the background's own first read must not bring the list early.
  let body = 'not yet';

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route(FEED_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await routeSite(browser.context, `https://login.${LISTED}`, fakeExchangeHtml('Sign in (phishing stand-in)'));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sources').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const warningPage = async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent(TARGET)}`);
    return page;
  };

  /** The calm page for a warning that no longer applies: nothing opens the site until the user presses "Go on". */
  const expectCalmPage = async (page: import('playwright-core').Page) => {
    await page.getByTestId('warning-no-longer').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This warning no longer applies');
    await expect.poll(() => page.getByTestId('warning-host').textContent()).toBe(`login.${LISTED}`);
    await page.waitForTimeout(500);
    expect(page.url()).toContain('/warning.html?url=');
    await page.getByRole('button', { name: `Go on to login.${LISTED}` }).click();
    await page.waitForURL(TARGET);
    expect(await page.title()).toBe('Sign in (phishing stand-in)');
  };

  test('before the feed brings the list, the rules alone see nothing: the warning page says so and goes on only when pressed, and Back skips it', async () => {
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent(TARGET)}`);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.getByTestId('warning-no-longer').waitFor();
      await page.emulateMedia({ colorScheme });
      expect(await axeProblems(page), colorScheme).toEqual([]);
    }
    await expectCalmPage(page);
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.close();
  });

  test('after it, the warning names the list, links to it and says when our copy was read; it reads in both themes', async () => {
    body = await feedWithListing();
    expect((await refreshSource(options, 'feed')).status).toBe('fresh');
    const page = await warningPage();
    await page.getByTestId('lookalike-warning').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Kraken');
    await expect.poll(() => page.getByTestId('warning-host').textContent()).toBe(`login.${LISTED}`);
    const reason = (await page.getByTestId('warning-reason').textContent()) ?? '';
    expect(reason).toContain(`login.${LISTED} is on ${LISTED}, which ${LIST_NAME}, a public list of phishing sites, names as imitating Kraken.`);
    expect(reason).toMatch(/Our copy of the list was read on \w{3} \d{1,2}, \d{4}\./);
    const link = page.getByTestId('listed-source').getByRole('link', { name: `Source: ${LIST_NAME}` });
    await expect.poll(() => link.getAttribute('href')).toBe(LIST_URL);
    await expect.poll(() => page.getByTestId('go-real').getAttribute('href')).toBe('https://kraken.com/');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeProblems(page), colorScheme).toEqual([]);
      expect((await textContrast(link)).ratio, colorScheme).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });

  test('when a later feed no longer lists the host, the open warning tab, reloaded, says the warning no longer applies and goes on only when pressed', async () => {
    const page = await warningPage();
    await page.getByTestId('lookalike-warning').waitFor();
    body = await feedWithListing({ listed: false, sequence: 2 });
    expect((await refreshSource(options, 'feed')).status).toBe('fresh');
    await page.reload();
    await expectCalmPage(page);
    await page.close();
  });
});

describe('a phishing-listed host in Firefox, with lookalike protection on', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>>;
  let feedReads = 0;
  const hosts = [`login.${LISTED}`, feedUrl.host];

  beforeAll(async () => {
    const body = await feedWithListing();
    site = await startHttpsSite(hosts, (request, response) => {
      if (request.headers.host === feedUrl.host) {
        feedReads += 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fakeExchangeHtml('Sign in (phishing stand-in)'));
    });
    firefox = await launchFirefox({ hosts, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  test('opening the listed host gets the warning page first, with the list as the reason', async () => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && feedReads === 0; ) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(feedReads).toBeGreaterThan(0);
    await firefox.welcome.click('[data-testid="welcome-protection-on"]');
    await firefox.welcome.waitForSelector('[data-testid="welcome-protection-result"]');
    const warning = `${firefoxOrigin}/warning.html?url=${encodeURIComponent(TARGET)}`;
    const page: FirefoxPage = await firefox.browser.newPage();
    let reason = '';
    // The feed's first read may still be under way in the background: ask again until it is held.
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && reason === ''; ) {
      void page.goto(TARGET).catch(() => undefined);
      for (const until = Date.now() + 5_000; Date.now() < until && (await page.evaluate(() => location.href).catch(() => '')) !== warning; ) await new Promise((resolve) => setTimeout(resolve, 100));
      if ((await page.evaluate(() => location.href).catch(() => '')) !== warning) continue;
      await page.waitForSelector('[data-testid="warning-reason"]');
      reason = await page.$eval('[data-testid="warning-reason"]', (element) => element.textContent ?? '');
    }
    expect(reason).toContain(`which ${LIST_NAME}, a public list of phishing sites, names as imitating Kraken.`);
    await expect.poll(() => page.$eval('[data-testid="listed-source"] a', (link) => link.getAttribute('href'))).toBe(LIST_URL);
    await page.close();
  });
});
