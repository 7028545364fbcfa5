import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assetConcentration } from './concentration';
import { gradeExchange, type GradeExchangeParameters } from './grade';
import { thresholdValue } from './thresholds';

/**
 * A per-token breakdown that itemises little must never make concentration look good
 * (docs/risk-model.md, "The unlisted remainder"). The first two properties fail on a bound that
 * trusts a thin list as a top-N list: ten crumbs of a few dollars beside a total of billions
 * then "prove" that reserves are spread over millions of assets.
 */

const NOW = new Date('2025-06-01T00:00:00Z');
const LIMIT = thresholdValue('breakdown.unlisted.caution');
const symbols = ['BTC', 'ETH', 'USDT', 'USDC', 'SOL', 'XRP', 'SHIB', 'DOGE', 'TRX', 'AF', 'XT', 'LINK'] as const;
const CONCENTRATION_METRICS = ['top-asset.share', 'minor-asset.share', 'hhi'];

const exchange: GradeExchangeParameters['exchange'] = { id: 'x', name: 'X', ownTokens: ['XT'], status: { kind: 'operating', checkedOn: '2026-12-04' } };
const healthyPor = {
  method: 'merkle-liabilities' as const,
  cadence: 'monthly' as const,
  liabilitiesIncluded: true,
  reserveRatios: { BTC: 1.05, ETH: 1.05, USDT: 1.05, USDC: 1.05 },
  source: 'https://x.example/por',
  asOf: '2025-05-20',
};

/** A token list whose dollars add up to `itemised` of the total (itemised < LIMIT's complement: the rest is unitemised). */
const thinBookArb = fc
  .record({
    totalUsd: fc.double({ min: 1e6, max: 1e11, noNaN: true }),
    // Strictly below 1 − LIMIT, with room for rounding, so the unitemised share is at or above the limit.
    itemised: fc.oneof(fc.constant(0), fc.double({ min: 0, max: (1 - LIMIT) * 0.999, noNaN: true })),
    tokens: fc.uniqueArray(fc.record({ symbol: fc.constantFrom(...symbols), weight: fc.double({ min: 0.001, max: 1, noNaN: true }) }), {
      selector: (token) => token.symbol,
      minLength: 1,
      maxLength: 10,
    }),
    affiliated: fc.boolean(),
  })
  .map(({ totalUsd, itemised, tokens, affiliated }) => {
    const weights = tokens.reduce((sum, token) => sum + token.weight, 0);
    return {
      affiliated,
      onchain: {
        totalUsd,
        cleanUsd: totalUsd,
        topTokens: tokens.map(({ symbol, weight }) => ({ symbol, usd: (totalUsd * itemised * weight) / weights })),
        source: 'https://x.example/onchain',
        asOf: '2025-05-31',
      },
    };
  });

describe('a thin breakdown never makes concentration look good', () => {
  test('with the limit or more unitemised, no concentration reason is ok, and the verdict is not ok (property)', () => {
    fc.assert(
      fc.property(thinBookArb, ({ onchain, affiliated }) => {
        const verdict = gradeExchange({
          exchange: { ...exchange, ...(affiliated ? { affiliatedTokens: ['AF'] } : {}) },
          reserves: { por: healthyPor, onchain, flows: { net7dUsd: 0, net30dUsd: 0, source: 'https://x.example/flows', asOf: '2025-05-31' } },
          now: NOW,
        });
        const reasons = verdict.reasons.filter((reason) => CONCENTRATION_METRICS.includes(reason.metric));
        expect(reasons).toHaveLength(3);
        for (const reason of reasons) expect(reason.effect, reason.code).not.toBe('ok');
        const affiliatedReason = verdict.reasons.find((reason) => reason.metric === 'own-affiliated.share');
        if (affiliated) expect(affiliatedReason?.effect, affiliatedReason?.code).not.toBe('ok');
        expect(verdict.level).not.toBe('ok');
      }),
    );
  });

  test('the HHI upper bound covers the remainder held as one asset, or as more of the largest listed one (property)', () => {
    fc.assert(
      fc.property(thinBookArb, ({ onchain }) => {
        const result = assetConcentration({ onchain, ownTokens: [] });
        const shares = onchain.topTokens.map((token) => token.usd / onchain.totalUsd).sort((a, b) => b - a);
        const rest = Math.max(0, 1 - shares.reduce((sum, share) => sum + share, 0));
        const squares = shares.reduce((sum, share) => sum + share * share, 0);
        const largest = shares[0] ?? 0;
        const remainderAsOneAsset = squares + rest * rest;
        const remainderOnLargest = squares - largest * largest + (largest + rest) ** 2;
        expect(result.breakdownTooThin).toBe(true);
        expect(result.hhi!.high).toBeGreaterThanOrEqual(Math.max(remainderAsOneAsset, remainderOnLargest) - 1e-9);
      }),
    );
  });

  test('when the list is a true top-N list of the whole book, the bounds hold the true figures (property)', () => {
    const bookArb = fc
      .uniqueArray(fc.record({ symbol: fc.stringMatching(/^[A-Z0-9]{1,6}$/), usd: fc.double({ min: 1, max: 1e9, noNaN: true }) }), { selector: (token) => token.symbol, minLength: 1, maxLength: 40 })
      .chain((book) => fc.record({ book: fc.constant(book), listed: fc.integer({ min: 1, max: book.length }) }));
    fc.assert(
      fc.property(bookArb, ({ book, listed }) => {
        const totalUsd = book.reduce((sum, token) => sum + token.usd, 0);
        const sorted = [...book].sort((a, b) => b.usd - a.usd);
        const topTokens = sorted.slice(0, listed);
        const result = assetConcentration({ onchain: { totalUsd, cleanUsd: totalUsd, topTokens }, ownTokens: [] });
        const trueHhi = book.reduce((sum, token) => sum + (token.usd / totalUsd) ** 2, 0);
        expect(result.hhi!.low).toBeLessThanOrEqual(trueHhi + 1e-9);
        expect(result.hhi!.high).toBeGreaterThanOrEqual(trueHhi - 1e-9);
        expect(result.topAsset!.share).toBeCloseTo(sorted[0]!.usd / totalUsd, 9);
      }),
    );
  });
});
