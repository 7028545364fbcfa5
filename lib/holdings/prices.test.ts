import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEcbRates } from './ecb-rates';
import { defillamaCoinIds, defillamaPricesUrl, mergePriceAnswer, oldPricesAsOf, parseDefillamaPrices, parsePriceTable, PriceParseError, usedPriceDates } from './prices';

const FETCHED_AT = Date.parse('2026-11-25T10:00:00Z');
const URL_ = 'https://coins.llama.fi/prices/current/coingecko:bitcoin,coingecko:ethereum,coingecko:tether';
const seconds = (iso: string) => Date.parse(iso) / 1000;

// The shape DefiLlama's coins API answers with: coingecko coins carry no `decimals`.
const answer = {
  coins: {
    'coingecko:bitcoin': { price: 91234.5, symbol: 'BTC', timestamp: seconds('2026-11-25T09:58:20Z'), confidence: 0.99 },
    'coingecko:ethereum': { price: 3012.25, symbol: 'ETH', timestamp: seconds('2026-11-25T09:58:31Z'), confidence: 0.99 },
    'coingecko:tether': { price: 1.0002, symbol: 'USDT', timestamp: seconds('2026-11-25T09:57:00Z'), confidence: 0.99 },
  },
};

describe('defillamaPricesUrl', () => {
  it('builds one sorted, deduplicated request for the known assets only', () => {
    expect(defillamaPricesUrl({ symbols: ['eth', 'BTC', 'ETH', 'NOPE'] })).toBe('https://coins.llama.fi/prices/current/coingecko:bitcoin,coingecko:ethereum');
  });
});

describe('parseDefillamaPrices', () => {
  it('turns the answer into a table keyed by our symbols, with the source URL and each price’s own date', () => {
    const result = parseDefillamaPrices({ body: answer, url: URL_, fetchedAt: FETCHED_AT });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.fetchedAt).toBe(FETCHED_AT);
    expect(result.table.prices.BTC).toEqual({ usd: 91234.5, asOf: '2026-11-25T09:58:20.000Z', source: URL_, confidence: 0.99 });
    expect(Object.keys(result.table.prices).sort()).toEqual(['BTC', 'ETH', 'USDT']);
    expect(result.skipped).toEqual([]);
    // The table the parser makes passes the stored-table schema.
    expect(parsePriceTable(result.table)).toEqual(result.table);
  });

  it('maps coins by our id table, not the answer’s symbol field', () => {
    const result = parseDefillamaPrices({
      body: { coins: { 'coingecko:tether': { price: 1, symbol: 'BTC', timestamp: seconds('2026-11-25T09:00:00Z'), confidence: 0.99 } } },
      url: URL_,
      fetchedAt: FETCHED_AT,
    });
    expect(result.ok && Object.keys(result.table.prices)).toEqual(['USDT']);
  });

  it('skips, and names, entries with a bad price, a future or missing timestamp, low confidence, or an unknown coin', () => {
    const result = parseDefillamaPrices({
      body: {
        coins: {
          'coingecko:bitcoin': { price: -1, symbol: 'BTC', timestamp: seconds('2026-11-25T09:00:00Z'), confidence: 0.99 },
          'coingecko:ethereum': { price: 3000, symbol: 'ETH', timestamp: seconds('2026-11-26T09:00:00Z'), confidence: 0.99 },
          'coingecko:tether': { price: 1, symbol: 'USDT', timestamp: seconds('2026-11-25T09:00:00Z'), confidence: 0.2 },
          'coingecko:usd-coin': { price: '1', symbol: 'USDC', timestamp: seconds('2026-11-25T09:00:00Z') },
          'ethereum:0xdead': { price: 5, symbol: 'X', timestamp: seconds('2026-11-25T09:00:00Z') },
          'coingecko:dai': { price: 0.9999, symbol: 'DAI', timestamp: seconds('2026-11-25T09:00:00Z') },
        },
      },
      url: URL_,
      fetchedAt: FETCHED_AT,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // No confidence given is not low confidence: DAI is kept.
    expect(Object.keys(result.table.prices)).toEqual(['DAI']);
    expect(result.skipped.map((s) => s.coin).sort()).toEqual(['coingecko:bitcoin', 'coingecko:ethereum', 'coingecko:tether', 'coingecko:usd-coin', 'ethereum:0xdead']);
    expect(result.skipped.find((s) => s.coin === 'coingecko:tether')?.reason).toMatch(/confidence/);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['no coins', { prices: {} }],
    ['coins as a list', { coins: [] }],
  ])('refuses %s with a code', (_name, body) => {
    const result = parseDefillamaPrices({ body, url: URL_, fetchedAt: FETCHED_AT });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBeInstanceOf(PriceParseError);
      expect(result.reason.code).toBe('not-a-price-list');
    }
  });

  it('refuses a source that is not https', () => {
    const result = parseDefillamaPrices({ body: answer, url: 'http://coins.llama.fi/x', fetchedAt: FETCHED_AT });
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.reason.code).toBe('not-https');
  });

  it('does not treat prototype names as coins', () => {
    const body = JSON.parse('{"coins": {"constructor": {"price": 1, "timestamp": 1}, "toString": {"price": 1, "timestamp": 1}}}') as unknown;
    const result = parseDefillamaPrices({ body, url: URL_, fetchedAt: FETCHED_AT });
    expect(result.ok && Object.keys(result.table.prices)).toEqual([]);
  });
});

describe('parsePriceTable', () => {
  it('gives the empty table for anything unreadable', () => {
    expect(parsePriceTable({ fetchedAt: 'x' })).toEqual({ fetchedAt: 0, prices: {}, fiat: {} });
    expect(parsePriceTable(undefined).prices).toEqual({});
  });

  it('knows a coin id for every asset the token table reads', async () => {
    const { holdingTokens } = await import('./holding-tokens');
    for (const token of holdingTokens) expect(defillamaCoinIds[token.symbol]).toMatch(/^coingecko:/);
    for (const native of ['ETH', 'POL']) expect(defillamaCoinIds[native]).toMatch(/^coingecko:/);
  });
});

describe('old prices', () => {
  const parsed = parseDefillamaPrices({ body: answer, url: URL_, fetchedAt: FETCHED_AT });
  if (!parsed.ok) throw new Error('the answer no longer parses');
  // An entry the background keeps from an earlier fetch, for a coin not valued below: only its date matters.
  const table = { ...parsed.table, prices: { ...parsed.table.prices, LTC: { usd: 1, asOf: '2026-07-01T00:00:00.000Z', source: URL_ } } };
  const usdtAsOf = '2026-11-25T09:57:00.000Z';
  const ethAsOf = '2026-11-25T09:58:31.000Z';
  const minute = 60_000;
  // The two days the warning names in every locale ("more than two days old", holdingsPricesOld).
  const limit = 2 * 86_400_000;

  it('the valued prices are dated, oldest first; an asset with no price, and an entry not valued, add no date', () => {
    expect(usedPriceDates({ table, assets: ['ETH', 'XYZ', 'USDT', 'ETH'] })).toEqual([usdtAsOf, ethAsOf]);
    expect(usedPriceDates({ table, assets: [] })).toEqual([]);
  });

  it('two days is the limit: a minute under is not old, a minute over is', () => {
    expect(oldPricesAsOf([ethAsOf], Date.parse(ethAsOf) + limit - minute)).toBeUndefined();
    expect(oldPricesAsOf([ethAsOf], Date.parse(ethAsOf) + limit + minute)).toBe(ethAsOf);
  });

  it('"more than two days old": exactly two days is not old, a millisecond more is', () => {
    expect(oldPricesAsOf([ethAsOf], Date.parse(ethAsOf) + limit)).toBeUndefined();
    expect(oldPricesAsOf([ethAsOf], Date.parse(ethAsOf) + limit + 1)).toBe(ethAsOf);
  });

  it('the oldest valued price decides, in whatever order the dates come', () => {
    const dates = usedPriceDates({ table, assets: ['ETH', 'USDT'] });
    // USDT's price is a minute over the limit, ETH's (91 s newer) still under it.
    const now = Date.parse(usdtAsOf) + limit + minute;
    expect(oldPricesAsOf(dates, now)).toBe(usdtAsOf);
    expect(oldPricesAsOf([...dates].reverse(), now)).toBe(usdtAsOf);
    expect(oldPricesAsOf([ethAsOf], now)).toBeUndefined();
  });
});

describe('mergePriceAnswer', () => {
  const fixtures = join(import.meta.dirname, '../../tests/fixtures');
  // The recorded answer for ETH alone (tests/fixtures/coins-llama/README.md), as the single-coin request got it and as the
  // scheduled request for every priced coin would get it: the same real price, told apart by its source address.
  const body = JSON.parse(readFileSync(join(fixtures, 'coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8')) as unknown;
  const capturedAt = Date.parse('2026-10-05T05:45:16Z');
  const singleUrl = 'https://coins.llama.fi/prices/current/coingecko:ethereum';
  const scheduledUrl = defillamaPricesUrl({ symbols: Object.keys(defillamaCoinIds) });
  const table = (url: string, minConfidence?: number) => {
    const parsed = parseDefillamaPrices({ body, url, fetchedAt: capturedAt, ...(minConfidence === undefined ? {} : { minConfidence }) });
    if (!parsed.ok) throw new Error('the recorded answer no longer parses');
    return parsed.table;
  };
  // The recorded ECB daily file (tests/fixtures/ecb): the rates a price answer must leave alone.
  const rates = parseEcbRates({ text: readFileSync(join(fixtures, 'ecb/eurofxref-daily-2019-06-13.xml'), 'utf8'), fetchedAt: capturedAt });
  if (!rates.ok) throw new Error('the recorded rate file no longer parses');
  const previous = { ...table(singleUrl), fetchedAt: capturedAt - 3_600_000, fiat: rates.fiat };

  it('a held coin in the answer takes the answer’s entry, not the stored one, whatever else is kept', () => {
    const answer = table(scheduledUrl);
    const merged = mergePriceAnswer({ previous, answer, held: ['ETH'] });
    expect(merged.prices.ETH).toEqual(answer.prices.ETH);
    expect(merged.prices.ETH?.source).toBe(scheduledUrl);
    expect(merged.fetchedAt).toBe(capturedAt);
  });

  it('a held coin the answer left out (refused for its confidence here) keeps its stored entry; one not held goes', () => {
    // 0.99 is under a confidence floor of 1, so this answer has no ETH.
    const answer = table(scheduledUrl, 1);
    expect(answer.prices).toEqual({});
    expect(mergePriceAnswer({ previous, answer, held: ['ETH'] }).prices).toEqual({ ETH: previous.prices.ETH });
    // BTC held with no stored entry: no entry, not an empty one.
    expect(Object.keys(mergePriceAnswer({ previous, answer, held: ['BTC'] }).prices)).toEqual([]);
  });

  it('a coin held but no longer asked for loses its entry', () => {
    // MATIC (Polygon's old token) is not in the request; the stored entry stands for one from an earlier version.
    const stale = { ...previous, prices: { MATIC: previous.prices.ETH! } };
    expect(mergePriceAnswer({ previous: stale, answer: table(scheduledUrl), held: ['MATIC', 'ETH'] }).prices).toEqual({ ETH: table(scheduledUrl).prices.ETH });
  });

  it('the exchange rates are left as they are', () => {
    expect(mergePriceAnswer({ previous, answer: table(scheduledUrl), held: ['ETH'] }).fiat).toEqual(rates.fiat);
    expect(Object.keys(rates.fiat)).toContain('SEK');
  });
});
