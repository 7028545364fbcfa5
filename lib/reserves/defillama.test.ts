import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ExchangeDefinition } from '../exchanges/types';
import { cexsToReserves, protocolToBreakdown, readingTime } from './defillama';
import { DataSourceError } from './errors';
import { FlowsSchema, OnchainAssetsSchema, TokenAmountsSchema } from './schema';
import { cexsEntryName, cexsEntryProblemText } from '../words/cexs-entry-problem';
import { english } from '../../scripts/radar/words/english';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../tests/fixtures/defillama/${name}`, import.meta.url), 'utf8'));

function exchange(id: string, name: string, defillamaSlug?: string): ExchangeDefinition {
  return {
    id,
    name,
    domains: [`${id}.com`],
    brandTokens: [id],
    ownTokens: [],
    ...(defillamaSlug === undefined ? {} : { defillamaSlug }),
    status: { kind: 'operating', checkedOn: '2026-12-04' },
    sources: [`https://${id}.com/`],
    testUrls: { match: [], noMatch: [] },
  };
}

const registry = [
  exchange('binance', 'Binance', 'binance-cex'),
  exchange('bybit', 'Bybit', 'bybit'),
  exchange('crypto-com', 'Crypto.com', 'crypto-com'),
  exchange('kraken', 'Kraken'),
  exchange('coinbase', 'Coinbase'),
];

describe('cexsToReserves', () => {
  const result = cexsToReserves({ body: fixture('cexs.json'), asOf: '2026-08-10T12:00:00.000Z', exchanges: registry });

  it('matches registry exchanges by slug or name, case-insensitively', () => {
    expect(Object.keys(result.reserves).sort()).toEqual(['binance', 'bybit', 'crypto-com', 'kraken']);
    expect(result.unmatched).toContain('OKX');
    expect(result.unmatched).not.toContain('Binance');
    expect(result.rejected).toEqual([]);
  });

  it('carries DefiLlama figures through unchanged, with source and reading time', () => {
    const binance = result.reserves.binance;
    expect(binance?.onchain).toMatchObject({
      totalUsd: 139684360969.39758,
      cleanUsd: 118724669008.50696,
      source: 'https://api.llama.fi/cexs',
      asOf: '2026-08-10',
      observedAt: '2026-08-10T12:00:00.000Z',
    });
    expect(binance?.onchain?.ownTokenUsd).toBeCloseTo(139684360969.39758 - 118724669008.50696, 0);
    expect(result.reserves.bybit?.flows).toMatchObject({ net24hUsd: -27319332.16195826, net7dUsd: -75111070, net30dUsd: -1169929341 });
  });

  it('reports no own-token value for an exchange without a coin', () => {
    expect(result.reserves.kraken?.onchain).toBeDefined();
    expect(result.reserves.kraken?.onchain?.ownTokenUsd).toBeUndefined();
  });

  it('gives an exchange listed without wallets no block rather than zeros', () => {
    expect(result.reserves.coinbase).toBeUndefined();
  });

  it('builds blocks that pass the schema', () => {
    for (const reserves of Object.values(result.reserves)) {
      if (reserves.onchain !== undefined) expect(v.safeParse(OnchainAssetsSchema, reserves.onchain).success).toBe(true);
      if (reserves.flows !== undefined) expect(v.safeParse(FlowsSchema, reserves.flows).success).toBe(true);
    }
  });

  it('rejects a malformed entry with a plain reason and keeps the others', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ currentTvl: -5, cleanAssetsTvl: 0 }, /currentTvl is -5, below/],
      [{ currentTvl: 'lots', cleanAssetsTvl: 1 }, /currentTvl is not a finite number/],
      [{ currentTvl: 10, cleanAssetsTvl: 20 }, /clean assets \(20\) exceed its total assets \(10\)/],
      // The command line's clause names the missing DefiLlama field, for the maintainer who reads it.
      [{ currentTvl: 10 }, /a total of its assets \(currentTvl\) but no total without the exchange's own tokens \(cleanAssetsTvl\)/],
      [{ cleanAssetsTvl: 5 }, /a total without the exchange's own tokens \(cleanAssetsTvl\) but no total of all its assets \(currentTvl\)/],
      [{ currentTvl: 1e20, cleanAssetsTvl: 1 }, /above the greatest believable/],
      [{ currentTvl: 10, cleanAssetsTvl: 5, inflows_24h: Number.NaN }, /inflows_24h is not a finite number/],
      [{ currentTvl: 10, cleanAssetsTvl: 5, leverage: -1 }, /leverage is -1/],
    ];
    for (const [figures, reason] of cases) {
      const body = {
        cexs: [
          { name: 'Kraken', slug: 'kraken', ...figures },
          { name: 'Bybit', slug: 'Bybit', currentTvl: 2, cleanAssetsTvl: 1 },
        ],
      };
      const out = cexsToReserves({ body, asOf: '2026-08-10', exchanges: registry });
      expect(out.rejected).toHaveLength(1);
      expect(out.rejected[0]?.name).toBe('Kraken');
      expect(cexsEntryProblemText(out.rejected[0]!.problem, english.t)).toMatch(reason);
      expect(out.reserves.bybit?.onchain?.totalUsd).toBe(2);
      expect(out.reserves.kraken).toBeUndefined();
    }
  });

  it('rejects entries that are not objects or have no name', () => {
    const out = cexsToReserves({ body: { cexs: [42, null, { slug: 'kraken', currentTvl: 1, cleanAssetsTvl: 1 }] }, asOf: '2026-08-10', exchanges: registry });
    expect(out.rejected.map((r) => cexsEntryName(r, english.t))).toEqual(['entry 0', 'entry 1', 'entry 2']);
    expect(out.rejected.map((r) => r.problem)).toEqual([{ code: 'not-object' }, { code: 'not-object' }, { code: 'no-name' }]);
  });

  it('prefers the measured row when an exchange is listed twice', () => {
    const body = {
      cexs: [
        { name: 'Kraken', slug: 'kraken', currentTvl: 5, cleanAssetsTvl: 5 },
        { name: 'Kraken', inflows_24h: 1 },
      ],
    };
    expect(cexsToReserves({ body, asOf: '2026-08-10', exchanges: registry }).reserves.kraken?.onchain?.totalUsd).toBe(5);
  });

  it('throws DataSourceError with a short message when the body is not { cexs: [...] }', () => {
    for (const body of [null, [], 'html', { cexs: {} }, { data: [] }]) {
      let caught: unknown;
      try {
        cexsToReserves({ body, asOf: '2026-08-10', exchanges: registry });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DataSourceError);
      expect((caught as DataSourceError).shortMessage).toBe('DefiLlama sent data in an unexpected shape');
    }
  });

  it('names a missing "cexs" list as missing in its details', () => {
    expect(() => cexsToReserves({ body: { data: [] }, asOf: '2026-08-10', exchanges: registry })).toThrow(expect.objectContaining({ details: 'expected "cexs" to be a list, got nothing' }));
  });
});

describe('readingTime', () => {
  it('splits a moment into a day and a timestamp and refuses a non-date', () => {
    expect(readingTime('2026-08-10')).toEqual({ asOf: '2026-08-10' });
    expect(readingTime('2026-08-10T23:59:59Z')).toEqual({ asOf: '2026-08-10', observedAt: '2026-08-10T23:59:59.000Z' });
    expect(() => readingTime('yesterday')).toThrow(DataSourceError);
  });
});

describe('protocolToBreakdown', () => {
  const breakdown = protocolToBreakdown({ body: fixture('protocol-binance-cex.json'), slug: 'binance-cex' });

  it('keeps only the newest point per chain and skips sub-totals', () => {
    expect(breakdown.byChain).toEqual({ Bitcoin: 61e9, Ethereum: 38e9, BSC: 29e9, Tron: 11.5e9 });
    expect(breakdown.asOf).toBe(new Date(1786320000 * 1000).toISOString().slice(0, 10));
    expect(breakdown.source).toBe('https://api.llama.fi/protocol/binance-cex');
  });

  it('sums tokens across chains, largest first, zero values dropped', () => {
    expect(breakdown.topTokens.slice(0, 4)).toEqual([
      { symbol: 'BTC', usd: 61e9 },
      { symbol: 'USDT', usd: 26.5e9 },
      { symbol: 'ETH', usd: 23e9 },
      { symbol: 'BNB', usd: 21e9 },
    ]);
    expect(breakdown.topTokens.map((t) => t.symbol)).not.toContain('PEPE');
    expect(protocolToBreakdown({ body: fixture('protocol-binance-cex.json'), slug: 'binance-cex', topN: 2 }).topTokens).toHaveLength(2);
  });

  it('throws DataSourceError on a body without a breakdown or with a negative value', () => {
    expect(() => protocolToBreakdown({ body: { chainTvls: {} }, slug: 'x' })).toThrow(DataSourceError);
    expect(() => protocolToBreakdown({ body: [], slug: 'x' })).toThrow(DataSourceError);
    expect(() => protocolToBreakdown({ body: { chainTvls: { Ethereum: { tokensInUsd: [{ date: 1, tokens: { ETH: -1 } }] } } }, slug: 'x' })).toThrow(/not a believable dollar amount/);
  });
});

describe('protocolToBreakdown: coin amounts', () => {
  const breakdown = protocolToBreakdown({ body: fixture('protocol-binance-cex.json'), slug: 'binance-cex' });
  const day = 1786320000;

  it('keeps the newest `tokens` point of the chains the reserve check reads, only the coins it reads, as sent', () => {
    expect(breakdown.tokenAmounts).toEqual({
      source: 'https://api.llama.fi/protocol/binance-cex',
      asOf: new Date(day * 1000).toISOString().slice(0, 10),
      // WETH, FDUSD and PEPE are coins the check does not read; BSC is no chain it reads.
      chains: { Ethereum: { at: new Date(day * 1000).toISOString(), amounts: { ETH: 4200000.25, USDT: 9500000000.123456, USDC: 4500000000 } } },
    });
    expect(v.safeParse(TokenAmountsSchema, breakdown.tokenAmounts).success).toBe(true);
    expect(v.safeParse(OnchainAssetsSchema, { totalUsd: 1e11, cleanUsd: 1e11, source: 'https://api.llama.fi/cexs', asOf: '2026-08-10', tokenAmounts: breakdown.tokenAmounts }).success).toBe(true);
  });

  it('a chain without a `tokens` series stays unknown: no entry, not zero', () => {
    const out = protocolToBreakdown({ body: fixture('protocol-binance-cex.json'), slug: 'binance-cex', keepAmounts: { Bitcoin: ['BTC'], Tron: ['USDT'], BSC: ['BTCB', 'bnb'] } });
    expect(Object.keys(out.tokenAmounts?.chains ?? {}).sort()).toEqual(['BSC', 'Bitcoin']);
    expect(out.tokenAmounts?.chains.Bitcoin?.amounts).toEqual({ BTC: 521000 });
    expect(out.tokenAmounts?.chains.BSC?.amounts).toEqual({ BNB: 35000000, BTCB: 1200 });
    expect(protocolToBreakdown({ body: fixture('protocol-binance-cex.json'), slug: 'binance-cex', keepAmounts: { Tron: ['USDT'] } }).tokenAmounts).toBeUndefined();
  });

  it('refuses the whole answer when a kept amount is not a believable number of coins; ignores coins it does not keep', () => {
    const body = (amount: unknown) => ({
      chainTvls: { Ethereum: { tokensInUsd: [{ date: day, tokens: { ETH: 1 } }], tokens: [{ date: day, tokens: { ETH: amount, JUNK: 'x' } }] } },
    });
    expect(protocolToBreakdown({ body: body(3.5), slug: 'x' }).tokenAmounts?.chains.Ethereum?.amounts).toEqual({ ETH: 3.5 });
    for (const bad of [-1, 'many', null, 1e24, Number.NaN]) {
      expect(() => protocolToBreakdown({ body: body(bad), slug: 'x' })).toThrow(/not a believable number of coins/);
    }
    expect(() => protocolToBreakdown({ body: { chainTvls: { Ethereum: { tokensInUsd: [{ date: day, tokens: { ETH: 1 } }], tokens: [{ tokens: {} }] } } }, slug: 'x' })).toThrow(DataSourceError);
  });
});

describe('registry slugs against DefiLlama', () => {
  it('every defillamaSlug in the registry is one DefiLlama lists (fixture names and slugs come from defillama-server)', async () => {
    const { exchanges } = await import('../exchanges/registry');
    const out = cexsToReserves({ body: fixture('cexs.json'), asOf: '2026-08-10', exchanges });
    const missing = exchanges.filter((e) => e.defillamaSlug !== undefined && out.reserves[e.id] === undefined).map((e) => `${e.id}:${e.defillamaSlug}`);
    expect(missing).toEqual([]);
  });
});
