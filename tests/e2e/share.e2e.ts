/**
 * SharePanel in Debian's Chromium on a plain page (no extension): the summary text, the copy
 * callbacks, and the PNG drawn on the device: a real PNG of the expected size that is not
 * blank. The panel is bundled here from tests/e2e/share-entry.tsx with vite's API.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listWarning } from '../../lib/community/active-warning.testkit';
import { getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { shareText } from '../../lib/share/share-text';
import { translateFrom } from '../../lib/words/translate-from';
import { buildExchangeView, type ExchangeView } from '../../lib/view/exchange-view';
import { SHARE_IMAGE_WIDTH } from '../../lib/share/share-image';
import { formatDate } from '../../lib/words/format';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { axeProblems, requireFile, root, screenshotPath } from './harness';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'https://share.example';
const NOW = '2026-11-01T00:00:00.000Z';

let browser: Browser;
let bundle: string;
let outDir: string;

beforeAll(async () => {
  requireFile(chromiumPath, 'Chromium', 'Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).');
  outDir = mkdtempSync(join(tmpdir(), 'radar-share-'));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [preact()],
    define: { 'process.env.NODE_ENV': '"production"' },
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry: join(root, 'tests/e2e/share-entry.tsx'), formats: ['iife'], name: 'ShareHarness', fileName: () => 'share.js' },
    },
  });
  bundle = readFileSync(join(outDir, 'share.js'), 'utf8');
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--headless=new', '--disable-gpu'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
});

function viewOf(id: string): ExchangeView {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no exchange ${id}`);
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now: new Date(NOW) });
}

async function openPanel(view: ExchangeView, language: 'en' | 'sv', options: { failCopy?: boolean; withImageCopy?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === ORIGIN && url.pathname === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Share</title><script src="/share.js"></script></head><body></body></html>',
      });
    }
    if (url.origin === ORIGIN && url.pathname === '/share.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(([view, now, language, options]) => (globalThis as unknown as { shareHarness: { mount: (...args: unknown[]) => void } }).shareHarness.mount(view, now, language, options), [
    view,
    NOW,
    language,
    options,
  ] as const);
  await page.getByTestId('share-image').waitFor();
  return { context, page, requests, errors };
}

/** Width and height from a PNG's IHDR chunk, read in Node rather than trusted from the browser. */
function pngSize(dataUrl: string): { width: number; height: number } {
  const bytes = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function inkedShare(page: Page): Promise<number> {
  return page.getByTestId('share-image').evaluate((image: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
    return inked / (canvas.width * canvas.height);
  });
}

describe('SharePanel on a plain page', () => {
  test('shows the summary with every figure and its date, and hands it to onCopy', async () => {
    const view = viewOf('binance');
    const expected = shareText({ view, now: new Date(NOW), t: translateFrom(en), locale: 'en' });
    const { context, page, requests, errors } = await openPanel(view, 'en');
    try {
      const text = await page.getByTestId('share-text').inputValue();
      expect(text).toBe(expected.text);
      // Dates as the card writes them, and a header that dates the figures rather than claiming a check today.
      expect(text).toContain('as of Apr 1, 2026');
      expect(text).toContain('as of Aug 10, 2026');
      expect(text.split('\n')[0]).toBe('Binance: proof-of-reserves and risk card, shared Nov 1, 2026 with Reserve Radar · figures dated Apr 1, 2026 to Aug 10, 2026');
      expect(text).not.toMatch(/[?&](utm_|ref=|fbclid)/);
      // The card's trend of the kept reports, with its period and each row's direction.
      expect(text).toContain('\n  Trend over 2 reports, Nov 22, 2022 to Apr 1, 2026:\n');
      expect(text).toMatch(
        /\n {2}- BTC, Nov 22, 2022 → Apr 1, 2026: reserve ratio 101% → 100\.03%, down; customer liabilities 575,742 BTC → 618,951 BTC, up \(https:\/\/decrypt\.co\/116653\/independent-audit-confirms-binances-bitcoin-fully-backed https:\/\/www\.binance\.com\/en\/proof-of-reserves\)\n/,
      );
      await page.getByTestId('share-copy').click();
      await expect.poll(() => page.getByTestId('share-copy-status').textContent()).toBe(en.shareCopied.message);
      expect(await page.evaluate(() => (globalThis as unknown as { shareHarness: { copied: string[] } }).shareHarness.copied)).toEqual([expected.text]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([`${ORIGIN}/`, `${ORIGIN}/share.js`]);
    } finally {
      await context.close();
    }
  });

  test('draws a PNG of the expected size that is not blank, offers it for download and for copying', async () => {
    const view = viewOf('binance');
    const { context, page, requests } = await openPanel(view, 'en');
    try {
      const image = page.getByTestId('share-image');
      const src = (await image.getAttribute('src')) ?? '';
      expect(src).toMatch(/^data:image\/png;base64,/);
      expect(src.length).toBeGreaterThan(20_000);
      const size = pngSize(src);
      expect(size.width).toBe(SHARE_IMAGE_WIDTH);
      expect(size.height).toBeGreaterThan(600);
      expect(size.height).toBeLessThan(3000);
      expect(await image.evaluate((element: HTMLImageElement) => [element.naturalWidth, element.naturalHeight])).toEqual([size.width, size.height]);
      const inked = await inkedShare(page);
      expect(inked).toBeGreaterThan(0.01);
      expect(inked).toBeLessThan(0.5);
      // The text alternative says what the picture draws: the grade qualified as the card qualifies it, and the figures' dates.
      expect(view.verdict).toMatchObject({ level: 'caution', incomplete: true });
      await expect
        .poll(() => image.getAttribute('alt'))
        .toBe(`Binance: Caution · incomplete, grade ${view.verdict.grade}. Shared Nov 1, 2026 with Reserve Radar · figures dated Apr 1, 2026 to Aug 10, 2026`);

      const download = page.getByTestId('share-download');
      await expect.poll(() => download.getAttribute('href')).toBe(src);
      await expect.poll(() => download.getAttribute('download')).toBe('reserve-radar-binance-2026-11-01.png');

      await page.getByTestId('share-copy-image').click();
      await expect.poll(() => page.getByTestId('share-copy-image-status').textContent()).toBe(en.shareImageCopied.message);
      const copied = await page.evaluate(() => (globalThis as unknown as { shareHarness: { copiedImages: { type: string; size: number }[] } }).shareHarness.copiedImages);
      expect(copied).toHaveLength(1);
      expect(copied[0]?.type).toBe('image/png');
      expect(copied[0]?.size).toBeGreaterThan(10_000);

      // The panel alone: the page around it is this test's bare host, with no landmark or heading of its own.
      expect(await axeProblems(page, '[data-testid="share-panel"]')).toEqual([]);

      writeFileSync(screenshotPath('share-card.png'), Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
      await page.screenshot({ path: screenshotPath('share-panel.png'), fullPage: true });
      expect(requests).toEqual([`${ORIGIN}/`, `${ORIGIN}/share.js`]);
    } finally {
      await context.close();
    }
  });

  test('a community warning shown on the card travels in the text and a taller picture', async () => {
    const plain = await openPanel(viewOf('binance'), 'en');
    let plainHeight: number;
    try {
      plainHeight = pngSize((await plain.page.getByTestId('share-image').getAttribute('src')) ?? '').height;
    } finally {
      await plain.context.close();
    }
    const view = { ...viewOf('binance'), warnings: [listWarning({ severity: 'danger', title: 'Withdrawals halted', published: '2026-10-30T00:00:00Z' })] };
    const expected = shareText({ view, now: new Date(NOW), t: translateFrom(en), locale: 'en' });
    const { context, page, errors } = await openPanel(view, 'en');
    try {
      const text = await page.getByTestId('share-text').inputValue();
      expect(text).toBe(expected.text);
      expect(text).toContain('\nCommunity warnings (from warning lists subscribed to in Reserve Radar):\n');
      expect(text).toContain('\n- Danger: Withdrawals halted (from “A list” at lists.example.org): Reported by users. (published Oct 30, 2026, https://example.org/)\n');
      // The picture draws the warnings section: it is taller than the same card's without it.
      expect(pngSize((await page.getByTestId('share-image').getAttribute('src')) ?? '').height).toBeGreaterThan(plainHeight + 60);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a collapsed exchange in Swedish; a refused copy says so; no copy-image button without its callback', async () => {
    const { context, page } = await openPanel(viewOf('ftx'), 'sv', { failCopy: true, withImageCopy: false });
    try {
      expect(pngSize((await page.getByTestId('share-image').getAttribute('src')) ?? '').width).toBe(SHARE_IMAGE_WIDTH);
      await expect.poll(() => page.getByTestId('share-copy').textContent()).toBe(sv.shareCopy.message);
      await expect.poll(() => page.getByTestId('share-copy-image').count()).toBe(0);
      await page.getByTestId('share-copy').click();
      await expect.poll(() => page.getByTestId('share-copy-status').textContent()).toBe(sv.shareCopyFailed.message);
      const text = await page.getByTestId('share-text').inputValue();
      // In Swedish throughout; the data's English history says that it is English.
      expect(text).toContain(sv.shareText_statusCollapsed.message.replace('$1', formatDate('2022-11-11', 'sv')));
      expect(text).toContain(sv.dataNotTranslatedQuote.message.replace(/[”“]?\$1[”“]?/, ''));
      expect(text).not.toContain('Status: collapsed');
      const src = (await page.getByTestId('share-image').getAttribute('src')) ?? '';
      writeFileSync(screenshotPath('share-card-sv.png'), Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
    } finally {
      await context.close();
    }
  });
});
