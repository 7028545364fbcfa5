import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PriceTable } from './prices';
import { custodyShares, type Position } from './valuation';

const SOURCE = 'https://coins.llama.fi/prices/current/coingecko:bitcoin';
const assets = ['BTC', 'ETH', 'USDT', 'DOGE', 'XYZ'] as const;
const custodians = ['self', 'binance', 'kraken', 'okx', 'coinbase'] as const;

const priceTableArb: fc.Arbitrary<PriceTable> = fc.dictionary(fc.constantFrom(...assets), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { maxKeys: assets.length }).map((usdBySymbol) => ({
  fetchedAt: 0,
  prices: Object.fromEntries(Object.entries(usdBySymbol).map(([symbol, usd]) => [symbol, { usd, asOf: '2026-11-25T00:00:00.000Z', source: SOURCE }])),
  fiat: {},
}));

const positionArb: fc.Arbitrary<Position> = fc.oneof(
  fc.record({ custodian: fc.constantFrom(...custodians), asset: fc.constantFrom(...assets), amount: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
  fc.record({ custodian: fc.constantFrom(...custodians), currency: fc.constantFrom('USD', 'EUR'), value: fc.double({ min: 0, max: 1e9, noNaN: true }) }),
);

describe('custodyShares properties', () => {
  test('every share is in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(positionArb, { maxLength: 30 }), priceTableArb, (positions, prices) => {
        const result = custodyShares({ positions, prices });
        for (const entry of [result.self, ...result.exchanges]) {
          if (entry.share !== null) {
            expect(entry.share).toBeGreaterThanOrEqual(0);
            expect(entry.share).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  test('self + exchange shares sum to 1 whenever the known total is positive', () => {
    fc.assert(
      fc.property(fc.array(positionArb, { minLength: 1, maxLength: 30 }), priceTableArb, (positions, prices) => {
        const result = custodyShares({ positions, prices });
        fc.pre(result.knownUsd > 0);
        const sum = [result.self, ...result.exchanges].reduce((total, entry) => total + (entry.share ?? 0), 0);
        expect(sum).toBeCloseTo(1, 9);
      }),
    );
  });

  test('with every value known, the result is complete and the shares sum to 1', () => {
    const knownPositionArb = fc.record({ custodian: fc.constantFrom(...custodians), asset: fc.constantFrom('BTC', 'ETH'), amount: fc.double({ min: 0.001, max: 1e4, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(knownPositionArb, { minLength: 1, maxLength: 30 }), fc.double({ min: 1, max: 1e5, noNaN: true }), (positions, usd) => {
        const prices: PriceTable = {
          fetchedAt: 0,
          prices: { BTC: { usd, asOf: '2026-11-25T00:00:00.000Z', source: SOURCE }, ETH: { usd: usd / 20, asOf: '2026-11-25T00:00:00.000Z', source: SOURCE } },
          fiat: {},
        };
        const result = custodyShares({ positions, prices });
        expect(result.complete).toBe(true);
        expect(result.unknown).toHaveLength(0);
        const sum = [result.self, ...result.exchanges].reduce((total, entry) => total + (entry.share ?? 0), 0);
        expect(sum).toBeCloseTo(1, 9);
      }),
    );
  });

  test('an unknown value is never counted as 0: adding it changes no sum, but marks the result incomplete and is listed', () => {
    const unpriced = fc.record({ custodian: fc.constantFrom(...custodians), asset: fc.constant('NOPRICE'), amount: fc.double({ min: 0, max: 1e6, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(positionArb, { maxLength: 20 }), unpriced, priceTableArb, (positions, extra, prices) => {
        const before = custodyShares({ positions, prices });
        const after = custodyShares({ positions: [...positions, extra], prices });
        expect(after.knownUsd).toBe(before.knownUsd);
        expect(after.complete).toBe(false);
        expect(after.unknown).toContain(extra);
        const holder = extra.custodian === 'self' ? after.self : after.exchanges.find((entry) => entry.custodian === extra.custodian);
        expect(holder?.unknownPositions).toBeGreaterThan(0);
        // A custodian holding only unknown values has no share of 0 % to show as fact: its known sum is 0 and it says it is a lower bound.
        for (const entry of [after.self, ...after.exchanges]) {
          const prior = entry.custodian === 'self' ? before.self : before.exchanges.find((e) => e.custodian === entry.custodian);
          expect(entry.usd).toBe(prior?.usd ?? 0);
        }
      }),
    );
  });

  test('the self share only rises when self-custody value is added', () => {
    fc.assert(
      fc.property(fc.array(positionArb, { maxLength: 20 }), fc.double({ min: 1, max: 1e6, noNaN: true }), (positions, added) => {
        const prices: PriceTable = { fetchedAt: 0, prices: {}, fiat: {} };
        const before = custodyShares({ positions, prices });
        const after = custodyShares({ positions: [...positions, { custodian: 'self', currency: 'USD', value: added }], prices });
        expect(after.self.share!).toBeGreaterThanOrEqual((before.self.share ?? 0) - 1e-12);
      }),
    );
  });
});
