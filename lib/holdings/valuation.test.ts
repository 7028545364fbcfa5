import { describe, expect, it } from 'vitest';
import type { PriceTable } from './prices';
import { convertUsd, custodyShares, valuePosition, type Position } from './valuation';

const SOURCE = 'https://coins.llama.fi/prices/current/coingecko:bitcoin,coingecko:ethereum';
const prices: PriceTable = {
  fetchedAt: Date.parse('2026-11-25T10:00:00Z'),
  prices: {
    BTC: { usd: 50_000, asOf: '2026-11-25T09:59:00.000Z', source: SOURCE },
    ETH: { usd: 2_000, asOf: '2026-11-25T09:59:00.000Z', source: SOURCE },
  },
  fiat: { SEK: { usd: 0.1, asOf: '2026-11-25T00:00:00.000Z', source: 'https://example.org/rates' } },
};

describe('valuePosition', () => {
  it('values assets by price and fiat by rate; USD needs no rate', () => {
    expect(valuePosition({ position: { custodian: 'kraken', asset: 'BTC', amount: 0.5 }, prices })).toBe(25_000);
    expect(valuePosition({ position: { custodian: 'kraken', currency: 'SEK', value: 1000 }, prices })).toBeCloseTo(100);
    expect(valuePosition({ position: { custodian: 'kraken', currency: 'USD', value: 42 }, prices })).toBe(42);
  });

  it('gives null, not 0, when there is no price or rate', () => {
    expect(valuePosition({ position: { custodian: 'kraken', asset: 'DOGE', amount: 10 }, prices })).toBeNull();
    expect(valuePosition({ position: { custodian: 'kraken', currency: 'EUR', value: 10 }, prices })).toBeNull();
  });

  it('does not read prices from the object prototype', () => {
    expect(valuePosition({ position: { custodian: 'kraken', asset: 'CONSTRUCTOR', amount: 1 }, prices })).toBeNull();
    expect(valuePosition({ position: { custodian: 'kraken', currency: 'toString' as string, value: 1 }, prices })).toBeNull();
  });
});

describe('convertUsd', () => {
  it('converts to a currency with a rate and gives null without one', () => {
    expect(convertUsd({ usd: 100, currency: 'SEK', prices })).toBeCloseTo(1000);
    expect(convertUsd({ usd: 100, currency: 'USD', prices })).toBe(100);
    expect(convertUsd({ usd: 100, currency: 'EUR', prices })).toBeNull();
  });
});

describe('custodyShares', () => {
  const positions: Position[] = [
    { custodian: 'self', asset: 'BTC', amount: 0.7 }, // 35 000
    { custodian: 'kraken', asset: 'BTC', amount: 0.5 }, // 25 000
    { custodian: 'binance', asset: 'ETH', amount: 20 }, // 40 000
  ];

  it('splits the known total between self and each exchange, largest first, and measures the goal', () => {
    const result = custodyShares({ positions, prices, goal: { selfShareTarget: 0.8 } });
    expect(result.knownUsd).toBe(100_000);
    expect(result.self.share).toBeCloseTo(0.35);
    expect(result.exchanges.map((e) => [e.custodian, e.share])).toEqual([
      ['binance', 0.4],
      ['kraken', 0.25],
    ]);
    expect(result.complete).toBe(true);
    expect(result.goal).toEqual({ target: 0.8, selfShare: 0.35, gap: expect.closeTo(0.45, 10), met: false });
  });

  it('lists an unpriced position as unknown, keeps it out of the sums, and says the result is incomplete', () => {
    const result = custodyShares({ positions: [...positions, { custodian: 'kraken', asset: 'DOGE', amount: 1e6 }], prices });
    expect(result.knownUsd).toBe(100_000);
    expect(result.complete).toBe(false);
    expect(result.unknown).toEqual([{ custodian: 'kraken', asset: 'DOGE', amount: 1e6 }]);
    expect(result.exchanges.find((e) => e.custodian === 'kraken')).toMatchObject({ usd: 25_000, unknownPositions: 1 });
  });

  it('has no shares at all when nothing can be valued', () => {
    const result = custodyShares({ positions: [{ custodian: 'self', asset: 'DOGE', amount: 5 }], prices, goal: { selfShareTarget: 0.5 } });
    expect(result.self.share).toBeNull();
    expect(result.goal).toBeUndefined();
    expect(result.complete).toBe(false);
  });
});
