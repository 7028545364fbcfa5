/**
 * Firefox runs the background as an event page, as Chrome runs its service worker: it sleeps when idle and
 * an event wakes it. Here its idle time is cut to a few seconds (`extensions.background.idle.timeout`, 30 s
 * by default) and every step starts from a sleeping background, as a real first visit and a real hourly
 * refresh meet it: the pill still gets the background's answer, and the refresh alarm still refreshes.
 * Asleep is what Firefox says: `extension.getBackgroundPage()` is null while no background page exists.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, firefoxBuild, inFirefoxPillRoot, launchFirefox, selfSignedCertificate, type FirefoxExtension, krakenFeed } from './harness';
import { FEED_URL } from '../../lib/feed/trust';

const feedUrl = new URL(FEED_URL);
const HOSTS = ['www.kraken.com', feedUrl.host];
const IDLE_MS = 3000;
/** entrypoints/background/data.ts */
const REFRESH_ALARM = 'refresh-data';

describe('Firefox: the background is an event page that sleeps and wakes', () => {
  let firefox: FirefoxExtension;
  let site: Server;
  let feedBody = '';
  let feedRequests = 0;

  const asleep = () => firefox.inExtension<boolean>('browser.extension.getBackgroundPage() === null');
  /** Waits until Firefox has put the background to sleep (a few idle seconds). */
  async function untilAsleep(): Promise<void> {
    await expect.poll(asleep, { timeout: 30_000, interval: 250 }).toBe(true);
  }
  const pillText = (page: Page, testId: string) => inFirefoxPillRoot(firefox, page, '(root, id) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null', testId);

  beforeAll(async () => {
    feedBody = await krakenFeed(1, 1.0731);
    site = createServer(selfSignedCertificate(HOSTS), (request, response) => {
      if (request.headers.host === feedUrl.host) {
        const isFeed = request.url === feedUrl.pathname;
        if (isFeed) feedRequests += 1;
        response.writeHead(isFeed ? 200 : 404, { 'content-type': 'application/json' }).end(isFeed ? feedBody : 'not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fakeExchangeHtml('Kraken — stand-in'));
    });
    await new Promise<void>((resolve, reject) => {
      site.once('error', reject);
      site.listen(443, '127.0.0.1', () => resolve());
    });
    firefox = await launchFirefox({ hosts: HOSTS, prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
  });
  afterAll(async () => {
    await firefox?.close();
    await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
  });

  test('the built manifest asks for a non-persistent background page', () => {
    const manifest = JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8')) as { background?: Record<string, unknown> };
    expect(manifest.background).toEqual({ persistent: false, scripts: ['background.js'] });
  });

  test('after the install’s first refresh it falls asleep', async () => {
    await expect.poll(() => feedRequests, { timeout: 30_000 }).toBeGreaterThan(0);
    await untilAsleep();
  });

  test('a visit to an exchange while it sleeps: the pill draws, and its card gets the reasons only the woken background words', async () => {
    await untilAsleep();
    const page = await firefox.browser.newPage();
    await page.goto('https://www.kraken.com/');
    await expect.poll(() => pillText(page, 'pill-name')).toBe('Kraken');
    // A real click: the pill ignores untrusted events.
    const toggle = JSON.parse(
      String(
        await inFirefoxPillRoot(
          firefox,
          page,
          '(root) => { const r = root.querySelector(\'[data-testid="pill-toggle"]\').getBoundingClientRect(); return JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2 }); }',
        ),
      ),
    ) as { x: number; y: number };
    await page.mouse.click(toggle.x, toggle.y);
    await expect.poll(() => inFirefoxPillRoot(firefox, page, '(root) => root.querySelectorAll(\'[data-testid="card-reasons"] li\').length'), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
  });

  test('the refresh alarm firing while it sleeps wakes it: the new feed is read and the pill shows it', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('https://www.kraken.com/');
    await expect.poll(() => pillText(page, 'pill-status')).not.toBeNull();
    expect(await pillText(page, 'pill-status')).not.toMatch(/^Danger/);
    await page.close();

    // A newer feed, and the feed made due as an hour's wait makes it (the write wakes the background once more).
    feedBody = await krakenFeed(2, 0.5);
    await firefox.inExtension(
      `browser.storage.local.get('sources').then(({ sources }) => browser.storage.local.set({ sources: { ...sources, feed: { ...sources.feed, nextAttemptAt: new Date(Date.now() - 1000).toISOString() } } }))`,
    );
    await untilAsleep();
    const before = feedRequests;
    await firefox.inExtension(`browser.alarms.create(${JSON.stringify(REFRESH_ALARM)}, { when: Date.now() + 500, periodInMinutes: 5 })`);
    await expect.poll(() => feedRequests, { timeout: 20_000 }).toBeGreaterThan(before);
    await untilAsleep();

    const after = await firefox.browser.newPage();
    await after.goto('https://www.kraken.com/');
    await expect.poll(() => pillText(after, 'pill-status'), { timeout: 20_000 }).toMatch(/^Danger/);
    await after.close();
  });

  test('a setting changed while it sleeps wakes it, and the first paint pages draw from follows the change', async () => {
    await untilAsleep();
    await firefox.inExtension(`browser.storage.local.get('settings').then(({ settings }) => browser.storage.local.set({ settings: { ...settings, language: 'sv' } }))`);
    await expect
      .poll(() => firefox.inExtension<string | null>(`browser.storage.local.get('firstPaint').then(({ firstPaint }) => firstPaint?.settings?.language ?? null)`), { timeout: 20_000 })
      .toBe('sv');
  });
});
