/**
 * `<reserve-radar-card>` on a plain page in Debian's Chromium, with no extension installed:
 * the bundle is built here first, served from a made-up wallet origin through page routing,
 * and every request the page makes is recorded.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView } from '../../lib/view/exchange-view';
import sv from '../../public/_locales/sv/messages.json';
import en from '../../public/_locales/en/messages.json';
import { embedLanguageFor, findEmbedExchange } from '../../embed/embed-options';
import { axeProblems, requireFile, root, screenshotPath } from './harness';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bundlePath = join(root, 'dist-embed/reserve-radar-card.iife.js');
const ORIGIN = 'https://wallet.example';
const NOW = '2025-11-01T00:00:00.000Z';

/** Class names the card uses, on host-page elements, plus rules a careless page might ship. */
const HOSTILE_CSS = `
* { color: red !important; font-size: 40px !important; font-family: "Courier New", monospace !important; letter-spacing: 3px !important; text-transform: uppercase !important; line-height: 3 !important; }
.card { display: block; border: 5px dashed orange; padding: 30px; background: yellow; }
.chip { display: inline; background: lime; border-radius: 0; }
h2, h3, p, a, span, table, th, td { margin: 20px !important; background: pink !important; }
a { text-decoration: line-through !important; }
`;

let browser: Browser;
let bundle: string;

beforeAll(() => {
  // Built here so `npm test` needs no extra step; a failing build fails the suite with vite's own message.
  execFileSync('npx', ['vite', 'build', '--config', 'vite.embed.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  requireFile(bundlePath, 'The embed bundle', 'Run: npm run build:embed');
  requireFile(chromiumPath, 'Chromium', 'Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).');
  bundle = readFileSync(bundlePath, 'utf8');
}, 120_000);

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--headless=new', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
});

interface Site {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

/** A page at the wallet's origin; the bundle is the only other thing the origin serves, and nothing else answers. */
async function openSite(body: string, options: { css?: string; colorScheme?: 'light' | 'dark'; locale?: string; withBundle?: boolean } = {}): Promise<Site> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', locale: options.locale ?? 'en-US', viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const script = options.withBundle === false ? '' : '<script src="/reserve-radar-card.iife.js"></script>';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wallet onboarding</title>
<style>body { font: 16px Georgia, serif; margin: 24px; } .grid { display: grid; grid-template-columns: repeat(3, 320px); gap: 16px; align-items: start; } ${options.css ?? ''}</style>
${script}</head><body>${body}</body></html>`;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === ORIGIN && url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html });
    if (url.origin === ORIGIN && url.pathname === '/reserve-radar-card.iife.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${ORIGIN}/`);
  return { context, page, requests, errors };
}

async function cardStyles(page: Page, selector: string) {
  return page.locator(selector).evaluate((host) => {
    const shadow = host.shadowRoot;
    if (shadow === null) throw new Error('no shadow root');
    const pick = (element: Element | null) => {
      if (element === null) return null;
      const style = getComputedStyle(element);
      return {
        color: style.color,
        fontSize: style.fontSize,
        fontFamily: style.fontFamily,
        letterSpacing: style.letterSpacing,
        textTransform: style.textTransform,
        lineHeight: style.lineHeight,
        background: style.backgroundColor,
        margin: style.margin,
        display: style.display,
        borderRadius: style.borderRadius,
        textDecoration: style.textDecorationLine,
      };
    };
    return {
      title: pick(shadow.querySelector('.card__title')),
      chip: pick(shadow.querySelector('.chip')),
      heading: pick(shadow.querySelector('.card__heading')),
      paragraph: pick(shadow.querySelector('.card__section p')),
      link: pick(shadow.querySelector('a')),
      card: pick(shadow.querySelector('.card')),
    };
  });
}

function expectedVerdict(id: string, now: string) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`test names an exchange the registry lacks: ${id}`);
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now: new Date(now) }).verdict;
}

describe('reading the attributes (Node)', () => {
  test('an exchange by id or by its own domain, on label boundaries only', () => {
    for (const value of ['kraken', 'KRAKEN', ' kraken.com ', 'www.kraken.com', 'pro.kraken.com.', 'https://www.kraken.com/en-us/prices?x=1', 'kraken.com:443']) {
      expect(findEmbedExchange(value)?.id, value).toBe('kraken');
    }
    for (const value of ['', '   ', 'notkraken.com', 'kraken.com.evil.example', 'kraken-com.example', 'https://', 'http://[::1', 'kraken .com']) {
      expect(findEmbedExchange(value), value).toBeUndefined();
    }
  });

  test('language: the attribute, else the browser, else English', () => {
    expect(embedLanguageFor({ attribute: 'sv', navigatorLanguage: 'en-US' })).toEqual({ language: 'sv', locale: 'sv' });
    expect(embedLanguageFor({ attribute: 'SV-fi', navigatorLanguage: 'en-US' })).toEqual({ language: 'sv', locale: 'sv' });
    expect(embedLanguageFor({ attribute: null, navigatorLanguage: 'sv-FI' })).toEqual({ language: 'sv', locale: 'sv-FI' });
    expect(embedLanguageFor({ attribute: 'de', navigatorLanguage: 'en-GB' })).toEqual({ language: 'en', locale: 'en-GB' });
    expect(embedLanguageFor({ attribute: 'de', navigatorLanguage: 'fr-FR' })).toEqual({ language: 'en', locale: 'en' });
    expect(embedLanguageFor({ attribute: null, navigatorLanguage: undefined })).toEqual({ language: 'en', locale: 'en' });
  });
});

describe('<reserve-radar-card> on a plain page', () => {
  test('shows the same level and grade as the extension computes for the same data and moment', async () => {
    const ids = ['binance', 'kraken', 'ftx', 'okx', 'celsius'];
    const moments = [NOW, '2025-04-10T00:00:00.000Z'];
    const body = moments.flatMap((now) => ids.map((id) => `<reserve-radar-card exchange="${id}" lang="en" now="${now}" data-id="${id}" data-now="${now}"></reserve-radar-card>`)).join('');
    const site = await openSite(`<div class="grid">${body}</div>`);
    try {
      const levels = new Set<string>();
      for (const now of moments) {
        for (const id of ids) {
          const host = site.page.locator(`reserve-radar-card[data-id="${id}"][data-now="${now}"]`);
          const chip = host.getByTestId('level-chip');
          await expect.poll(() => chip.count()).toBe(1);
          const expected = expectedVerdict(id, now);
          levels.add(expected.level);
          expect(await chip.getAttribute('data-level'), `${id} at ${now}`).toBe(expected.level);
          expect((await chip.locator('.chip__grade').textContent())?.trim(), `${id} at ${now}`).toBe(expected.grade);
          await expect.poll(() => host.locator('.card__title').textContent()).toBe(getExchange(id)?.name);
        }
      }
      // The comparison means something only if the data gives more than one level.
      expect(levels.size).toBeGreaterThan(1);
      expect(site.errors).toEqual([]);
    } finally {
      await site.context.close();
    }
  });

  test('accepts a domain, renders into an open shadow root, opens links in a new tab without a referrer', async () => {
    const site = await openSite(`<reserve-radar-card exchange="https://www.kraken.com/en-us/" now="${NOW}"></reserve-radar-card>`);
    try {
      const host = site.page.locator('reserve-radar-card');
      await expect.poll(() => host.locator('.card__title').textContent()).toBe('Kraken');
      expect(await host.evaluate((element) => element.shadowRoot?.mode)).toBe('open');
      // Nothing of the card is in the page's own DOM.
      expect(await site.page.evaluate(() => document.querySelectorAll('.card, .chip, a').length)).toBe(0);
      const links = await host.locator('a').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.href, JSON.stringify(link)).toMatch(/^https:\/\//);
        expect(link.target).toBe('_blank');
        expect(link.rel?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
      }
    } finally {
      await site.context.close();
    }
  });

  test('an unknown exchange, a missing one and a bad date each get a plain message, not a crash', async () => {
    const site = await openSite(
      `<reserve-radar-card id="unknown" exchange="notkraken.com" lang="en"></reserve-radar-card>
       <reserve-radar-card id="missing" lang="en"></reserve-radar-card>
       <reserve-radar-card id="bad-now" exchange="kraken" now="yesterday-ish" lang="en"></reserve-radar-card>
       <reserve-radar-card id="unknown-sv" exchange="nope" lang="sv"></reserve-radar-card>`,
    );
    try {
      const problem = (id: string) => site.page.locator(`#${id}`).getByTestId('embed-problem');
      await expect.poll(() => problem('unknown').textContent()).toBe(en.embedUnknownExchange.message.replace('$1', 'notkraken.com'));
      await expect.poll(() => problem('missing').textContent()).toBe(en.embedNoExchange.message);
      await expect.poll(() => problem('bad-now').textContent()).toBe(en.embedBadNow.message.replace('$1', 'yesterday-ish'));
      await expect.poll(() => problem('unknown-sv').textContent()).toBe(sv.embedUnknownExchange.message.replace('$1', 'nope'));
      await expect.poll(() => site.page.locator('reserve-radar-card').getByTestId('exchange-card').count()).toBe(0);
      expect(site.errors).toEqual([]);

      // Fixing the attribute redraws the card in place.
      await site.page.locator('#unknown').evaluate((element) => element.setAttribute('exchange', 'kraken.com'));
      await expect.poll(() => site.page.locator('#unknown .card__title').textContent()).toBe('Kraken');
    } finally {
      await site.context.close();
    }
  });

  test('speaks Swedish when asked by attribute or by the browser, English otherwise', async () => {
    const site = await openSite(
      `<reserve-radar-card id="by-attribute" exchange="ftx" lang="sv" now="${NOW}"></reserve-radar-card>
       <reserve-radar-card id="by-browser" exchange="ftx" now="${NOW}"></reserve-radar-card>
       <reserve-radar-card id="english" exchange="ftx" lang="en" now="${NOW}"></reserve-radar-card>
       <reserve-radar-card id="other" exchange="ftx" lang="de" now="${NOW}"></reserve-radar-card>`,
      { locale: 'sv-SE' },
    );
    try {
      const heading = (id: string) => site.page.locator(`#${id} [data-testid="card-por-section"] .card__heading`);
      await expect.poll(() => heading('by-attribute').textContent()).toBe(sv.cardProofOfReserves.message);
      await expect.poll(() => heading('by-browser').textContent()).toBe(sv.cardProofOfReserves.message);
      await expect.poll(() => heading('english').textContent()).toBe(en.cardProofOfReserves.message);
      // A language we have no words for falls back to the browser's (Swedish here), never to keys.
      await expect.poll(() => heading('other').textContent()).toBe(sv.cardProofOfReserves.message);
    } finally {
      await site.context.close();
    }
  });

  test('the build keeps every word the card uses: no empty label in either language', async () => {
    const ids = ['binance', 'kraken', 'ftx', 'okx', 'celsius', 'bybit'];
    const body = (['en', 'sv'] as const).flatMap((lang) => ids.map((id) => `<reserve-radar-card exchange="${id}" lang="${lang}" now="${NOW}"></reserve-radar-card>`)).join('');
    const site = await openSite(body);
    try {
      await expect.poll(() => site.page.locator('reserve-radar-card').getByTestId('exchange-card').count()).toBe(ids.length * 2);
      const empties = await site.page.locator('reserve-radar-card').evaluateAll((hosts) =>
        hosts.flatMap((host) => {
          const shadow = host.shadowRoot!;
          const labelled = [...shadow.querySelectorAll('h2, h3, dt, dd, caption, th, td, a, .chip span, [data-testid="card-por"], .embed-footer')];
          // A trend row's source cell is empty by design when its address now serves only a newer report (lib/view/por-trend.ts).
          const sourceCell = (element: Element) => element.matches('[data-testid="card-por-trend"] td:last-child');
          const empty = labelled.filter((element) => (element.textContent ?? '').trim() === '' && !sourceCell(element)).map((element) => element.outerHTML.slice(0, 80));
          // A missing label leaves a reason starting with its separator (": …").
          const headless = [...shadow.querySelectorAll('.reason')].filter((element) => /^[:(—]/.test((element.textContent ?? '').trim())).map((element) => element.textContent);
          return [...empty, ...headless].map((problem) => `${host.getAttribute('exchange')}/${host.getAttribute('lang')}: ${problem}`);
        }),
      );
      expect(empties).toEqual([]);
    } finally {
      await site.context.close();
    }
  });

  test('its styles stay inside, and the host page cannot restyle the card', async () => {
    const hostMarkup = `<div class="card" id="host-card"><span class="chip" id="host-chip">host chip</span><h2 class="card__title" id="host-title">Host</h2></div>`;
    const card = `<reserve-radar-card exchange="ftx" lang="en" now="${NOW}"></reserve-radar-card>`;
    const hostStyles = (page: Page) =>
      page.evaluate(() =>
        ['#host-card', '#host-chip', '#host-title'].map((selector) => {
          const style = getComputedStyle(document.querySelector(selector)!);
          return [selector, style.display, style.borderRadius, style.backgroundColor, style.padding, style.fontSize, style.color, style.gap];
        }),
      );

    // The same host markup with and without the bundle: the card's CSS must not touch it.
    const without = await openSite(hostMarkup, { withBundle: false, css: '.card { border: 1px solid #999; }' });
    const withCard = await openSite(hostMarkup + card, { css: '.card { border: 1px solid #999; }' });
    const clean = await openSite(card);
    const hostile = await openSite(`<div class="card"><span class="chip">x</span></div>${card}`, { css: HOSTILE_CSS });
    try {
      await expect.poll(() => withCard.page.locator('reserve-radar-card .chip').count()).toBe(1);
      expect(await hostStyles(withCard.page)).toEqual(await hostStyles(without.page));
      expect((await hostStyles(withCard.page))[1]?.[1]).toBe('inline');

      await expect.poll(() => clean.page.locator('reserve-radar-card .chip').count()).toBe(1);
      await expect.poll(() => hostile.page.locator('reserve-radar-card .chip').count()).toBe(1);
      const cleanStyles = await cardStyles(clean.page, 'reserve-radar-card');
      const hostileStyles = await cardStyles(hostile.page, 'reserve-radar-card');
      expect(cleanStyles.title?.fontSize).toBe('18px');
      expect(cleanStyles.chip?.borderRadius).toBe('999px');
      expect(hostileStyles).toEqual(cleanStyles);
      // The hostile rules did apply to the page itself, so the comparison above was a real test.
      expect(await hostile.page.evaluate(() => getComputedStyle(document.querySelector('.chip')!).fontSize)).toBe('40px');
    } finally {
      await Promise.all([without, withCard, clean, hostile].map((site) => site.context.close()));
    }
  });

  test('makes no network request: the page and the script it was given are all the browser asks for', async () => {
    const site = await openSite(['binance', 'kraken', 'ftx', 'coinbase'].map((id) => `<reserve-radar-card exchange="${id}" now="${NOW}"></reserve-radar-card>`).join(''));
    try {
      await expect.poll(() => site.page.locator('reserve-radar-card').getByTestId('exchange-card').count()).toBe(4);
      // Hovering and focusing the links must not prefetch anything either.
      // (A card whose reasons are all missing figures has no link before its details: the first link drawn on the page.)
      await site.page.locator('reserve-radar-card a:visible').first().hover();
      await site.page.waitForTimeout(500);
      expect(site.requests).toEqual([`${ORIGIN}/`, `${ORIGIN}/reserve-radar-card.iife.js`]);
    } finally {
      await site.context.close();
    }
  });

  test('loading the bundle twice keeps one definition and no error', async () => {
    const site = await openSite(`<reserve-radar-card exchange="ftx" now="${NOW}"></reserve-radar-card>`);
    try {
      await site.page.addScriptTag({ content: bundle });
      await site.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<reserve-radar-card id="second" exchange="kraken" lang="en"></reserve-radar-card>'));
      await expect.poll(() => site.page.locator('#second .card__title').textContent()).toBe('Kraken');
      expect(site.errors).toEqual([]);
    } finally {
      await site.context.close();
    }
  });

  test('accessible in light and dark, and dark mode gives the card its own dark background', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const site = await openSite(
        `<main><h1>Wallet</h1>${['binance', 'kraken', 'ftx'].map((id) => `<reserve-radar-card exchange="${id}" lang="en" now="${NOW}"></reserve-radar-card>`).join('')}</main>`,
        { colorScheme },
      );
      try {
        await expect.poll(() => site.page.locator('reserve-radar-card').getByTestId('exchange-card').count()).toBe(3);
        expect(await axeProblems(site.page), colorScheme).toEqual([]);
        const background = await site.page
          .locator('reserve-radar-card')
          .first()
          .evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.rr-theme')!).backgroundColor);
        expect(background, colorScheme).toBe(colorScheme === 'dark' ? 'rgb(27, 27, 31)' : 'rgb(255, 255, 255)');
        if (colorScheme === 'dark') await site.page.screenshot({ path: screenshotPath('embed-dark.png'), fullPage: true });
      } finally {
        await site.context.close();
      }
    }
  });

  test('screenshot: three cards next to a hostile page', async () => {
    const site = await openSite(
      `<h1>Before you deposit, check the exchange</h1>
       <div class="grid">${['binance', 'kraken', 'ftx'].map((id) => `<reserve-radar-card exchange="${id}" lang="en" now="${NOW}"></reserve-radar-card>`).join('')}</div>`,
      { css: 'p, h2, h3, span { color: red !important; font-family: "Courier New", monospace !important; } .card { background: yellow; }' },
    );
    try {
      await expect.poll(() => site.page.locator('reserve-radar-card').getByTestId('exchange-card').count()).toBe(3);
      await site.page.screenshot({ path: screenshotPath('embed.png'), fullPage: true });
    } finally {
      await site.context.close();
    }
  });
});
