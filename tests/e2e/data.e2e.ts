import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { exchangeTabAndSources, launchChromium, refreshSource, root, type ChromiumExtension } from './harness';

/**
 * The data layer against a misbehaving data host, in the real extension: DefiLlama is served by
 * routes (the recorded /cexs shape), then made to fail in every way we know. Whatever happens,
 * the card shows the last good figures with their source and age, never fresh-looking ones.
 */
// Binance's real row (2026-08-10) is also the bundled figure, so the live answer served here
// raises it by $10B: a figure the card can only show if it took the live answer.
const cexs = readFileSync(join(root, 'tests/fixtures/defillama/cexs.json'), 'utf8').replace('139684360969.39758', '149684360969.39758');
const LIVE_TOTAL = '$149.68B';
const BUNDLED_TOTAL = '$139.68B'; // data/snapshot.json, DefiLlama 2026-08-10

type Behaviour = (route: Route) => Promise<void> | void;

describe('live data in Chromium: faults keep the last good data', () => {
  let browser: ChromiumExtension;
  let behaviour: Behaviour = (route) => route.fulfill({ status: 500, body: 'down' });
  let tabId: number;
  let options: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route('https://api.llama.fi/**', (route) => {
      if (new URL(route.request().url()).pathname === '/cexs') return behaviour(route);
      return route.fulfill({ status: 404, body: 'not found' });
    });
    ({ tabId, options } = await exchangeTabAndSources(browser, { origin: 'https://www.binance.com', path: '/en', name: 'Binance' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function refresh(next: Behaviour): Promise<{ status: string | null; error: string }> {
    behaviour = next;
    const { status, text } = await refreshSource(options, 'cexs');
    return { status, error: text };
  }

  async function binanceOnchain(): Promise<string> {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const text = (await popup.getByTestId('card-concentration').textContent()) ?? '';
    await popup.close();
    return text;
  }

  test('before any good answer, a failing host leaves the bundled figures with their date', async () => {
    const result = await refresh((route) => route.fulfill({ status: 500, body: 'Internal Server Error' }));
    expect(result.status).toBe('failing');
    expect(result.error).toMatch(/500/);
    const card = await binanceOnchain();
    expect(card).toContain(BUNDLED_TOTAL);
    expect(card).toContain('2026');
  });

  test('a good answer in the recorded shape is taken, with its source', async () => {
    const result = await refresh((route) => route.fulfill({ status: 200, contentType: 'application/json', body: cexs }));
    expect(result.status).toBe('fresh');
    const card = await binanceOnchain();
    expect(card).toContain(LIVE_TOTAL);
  });

  // Each fault, and the words the options page must show for it.
  const faults: [string, RegExp, Behaviour][] = [
    ['host down', /reach|connect|network/i, (route) => route.abort('connectionrefused')],
    ['HTTP 403', /403/, (route) => route.fulfill({ status: 403, body: 'Forbidden' })],
    ['HTTP 500', /500/, (route) => route.fulfill({ status: 500, body: 'oops' })],
    ['invalid JSON', /JSON/i, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"cexs": [' })],
    ['valid JSON of the wrong shape', /shape|expected|cexs/i, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"exchanges": {}}' })],
    ['an oversized body', /more than 5 MB/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: `{"cexs":[],"pad":"${'x'.repeat(6 * 1024 * 1024)}"}` })],
    [
      'negative, NaN and absurd numbers',
      /no reserve figures|rejected|negative|cannot/i,
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            cexs: (JSON.parse(cexs) as { cexs: Record<string, unknown>[] }).cexs.map((entry) => ({ ...entry, currentTvl: -5, cleanAssetsTvl: 1e30 })),
          }),
        }),
    ],
    [
      'a document older than the one held',
      /older/i,
      (route) => route.fulfill({ status: 200, contentType: 'application/json', headers: { 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }, body: cexs.replace('149684360969', '239684360969') }),
    ],
  ];

  // Right after a good answer the held figures are still fresh, so the source's state says so;
  // the failure shows as the source's last error, in plain words, until the next success.
  for (const [name, words, behaviourFor] of faults) {
    test(`${name}: the last good figures stay`, async () => {
      const result = await refresh(behaviourFor);
      expect(result.status).toBe('fresh');
      expect(result.error).toMatch(words);
      expect(await binanceOnchain()).toContain(LIVE_TOTAL);
    });
  }

  test('a stalled answer times out and the last good figures stay', { timeout: 90_000 }, async () => {
    // The route never answers; the background's own deadline must end the wait.
    const result = await refresh(() => new Promise<void>(() => undefined));
    expect(result.status).toBe('fresh');
    expect(result.error).toMatch(/time|respond|answer/i);
    expect(await binanceOnchain()).toContain(LIVE_TOTAL);
  });
});
