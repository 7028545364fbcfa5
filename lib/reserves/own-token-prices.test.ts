import { describe, expect, test } from 'vitest';
import { exchanges } from '../exchanges/registry';
import { DataSourceError } from './errors';
import { OWN_TOKEN_COIN_IDS, ownTokenChartUrl, parseOwnTokenChart, pricedOwnTokens } from './own-token-prices';

/**
 * No recorded `/chart` answer was found (tests/fixtures/coins-llama/README.md): the bodies here
 * follow the documented shape (DefiLlama api-docs, `defillama-openapi-free.json`) and are made up
 * for the test, never used as figures.
 */
const FETCHED = Date.parse('2026-12-05T12:00:00Z');
const URL_ = 'https://coins.llama.fi/chart/coingecko:binancecoin?span=8&period=1d';
const seconds = (hoursAgo: number) => Math.floor(FETCHED / 1000) - hoursAgo * 3600;
const entry = (symbol: string, prices: [number, number][], confidence: number | undefined = 0.99) => ({
  symbol,
  ...(confidence === undefined ? {} : { confidence }),
  prices: prices.map(([hoursAgo, price]) => ({ timestamp: seconds(hoursAgo), price })),
});

describe('the own-token price request', () => {
  test('is built from the registry alone: every priced own token of every operating exchange, sorted', () => {
    const symbols = pricedOwnTokens(exchanges);
    expect(symbols).toContain('BNB');
    expect(symbols).not.toContain('FTT');
    expect(symbols).toEqual([...symbols].sort());
    const url = ownTokenChartUrl(symbols);
    expect(url).toMatch(/^https:\/\/coins\.llama\.fi\/chart\/coingecko:[a-z0-9-]+(,coingecko:[a-z0-9-]+)*\?span=8&period=1d$/);
    expect(url).toBe(ownTokenChartUrl([...symbols].reverse()));
  });

  test("every priced symbol is some operating exchange's own token", () => {
    const owned = new Set(exchanges.filter((exchange) => exchange.status.kind === 'operating').flatMap((exchange) => exchange.ownTokens));
    for (const symbol of Object.keys(OWN_TOKEN_COIN_IDS)) expect(owned.has(symbol), symbol).toBe(true);
  });
});

describe('parseOwnTokenChart', () => {
  test('reads the documented shape into series, oldest first, dated by the answer', () => {
    const body = {
      coins: {
        'coingecko:binancecoin': entry('BNB', [
          [168, 600],
          [24, 590],
          [1, 580],
        ]),
      },
    };
    const { series, skipped } = parseOwnTokenChart({ body, url: URL_, symbols: ['BNB'], fetchedAt: FETCHED });
    expect(skipped).toEqual([]);
    expect(series.BNB).toEqual({
      symbol: 'BNB',
      source: URL_,
      confidence: 0.99,
      points: [
        { at: new Date(seconds(168) * 1000).toISOString(), usd: 600 },
        { at: new Date(seconds(24) * 1000).toISOString(), usd: 590 },
        { at: new Date(seconds(1) * 1000).toISOString(), usd: 580 },
      ],
    });
  });

  test('refuses a body that is not { coins: { … } }, with a plain reason', () => {
    for (const body of [null, [], 'x', { coins: [] }, { coins: null }, { prices: {} }]) {
      expect(() => parseOwnTokenChart({ body, url: URL_, symbols: ['BNB'], fetchedAt: FETCHED })).toThrow(DataSourceError);
    }
    expect(() => parseOwnTokenChart({ body: { coins: {} }, url: 'http://coins.llama.fi/chart/x', symbols: ['BNB'], fetchedAt: FETCHED })).toThrow(DataSourceError);
  });

  test('skips, with its reason, any coin off the documented shape, and keeps the rest', () => {
    const cases: [string, unknown][] = [
      ['the answer names "ETH", not BNB', entry('ETH', [[2, 1]])],
      ['confidence 0.5 is below 0.9', entry('BNB', [[2, 1]], 0.5)],
      ['prices must be a list of 1 to 50 points', { symbol: 'BNB', prices: [] }],
      [
        'timestamps must be whole seconds in increasing order',
        entry('BNB', [
          [1, 1],
          [2, 1],
        ]),
      ],
      ['a price is not a positive number', entry('BNB', [[2, -1]])],
      ['a price is not a positive number', entry('BNB', [[2, Number.NaN]])],
      ['a price is dated in the future', entry('BNB', [[-3, 1]])],
      ['the entry is a list, not an object', []],
      ['confidence is not a number between 0 and 1', entry('BNB', [[2, 1]], 7)],
    ];
    for (const [reason, value] of cases) {
      const body = { coins: { 'coingecko:binancecoin': value, 'coingecko:okb': entry('OKB', [[2, 50]]) } };
      const result = parseOwnTokenChart({ body, url: URL_, symbols: ['BNB', 'OKB'], fetchedAt: FETCHED });
      expect(result.skipped, reason).toEqual([{ symbol: 'BNB', problem: 'refused', reason }]);
      expect(Object.keys(result.series)).toEqual(['OKB']);
    }
  });

  test('a coin missing from the answer is named, not read as zero; extra coins are ignored', () => {
    const body = { coins: { 'coingecko:okb': entry('OKB', [[2, 50]]), 'coingecko:whatever': entry('X', [[2, 1]]) } };
    const result = parseOwnTokenChart({ body, url: URL_, symbols: ['BNB', 'OKB'], fetchedAt: FETCHED });
    expect(result.skipped).toEqual([{ symbol: 'BNB', problem: 'missing', reason: 'not in the answer' }]);
    expect(Object.keys(result.series)).toEqual(['OKB']);
  });
});
