import { describe, expect, test } from 'vitest';
import type { RiskOnchainAssets } from './concentration';
import { gradeExchange, type GradeExchangeParameters } from './grade';
import { exchange, now, onchain } from './grade.testkit';

const breakdown = { breakdownAsOf: '2025-02-25', breakdownSource: 'https://x.example/protocol' };

/** Each on-chain share reason's date and URL, by metric. */
function provenance(assets: RiskOnchainAssets): Record<string, string> {
  const { reasons } = gradeExchange({ exchange, reserves: { onchain: assets }, now });
  return Object.fromEntries(
    reasons
      .filter((reason) => ['own-token.share', 'top-asset.share', 'minor-asset.share', 'hhi', 'stablecoin.share'].includes(reason.metric))
      .map((reason) => [reason.metric, `${reason.asOf} ${reason.source}`]),
  );
}

const totals = '2025-02-28 https://x.example/onchain';
const perToken = '2025-02-25 https://x.example/protocol';

describe('on-chain reasons: the date of the figure each states', () => {
  test('the own-token share carries the totals’ answer (/cexs); the shares read from the per-token breakdown carry its own (/protocol)', () => {
    // The own-token share is (total − clean) / total, both from the totals' answer; the rest is
    // read from the breakdown, a different DefiLlama answer of its own day.
    expect(provenance({ ...onchain, ...breakdown })).toEqual({
      'own-token.share': totals,
      'top-asset.share': perToken,
      'minor-asset.share': perToken,
      hhi: perToken,
      'stablecoin.share': perToken,
    });
  });

  test('a breakdown that itemises too little: the reasons about it carry its date too', () => {
    expect(provenance({ ...onchain, ...breakdown, topTokens: [{ symbol: 'BTC', usd: 100 }] })).toEqual({
      'own-token.share': totals,
      'top-asset.share': perToken,
      'minor-asset.share': perToken,
      hhi: perToken,
    });
  });

  test('a breakdown without a date of its own came with the totals: theirs', () => {
    expect(provenance(onchain)).toEqual({ 'own-token.share': totals, 'top-asset.share': totals, 'minor-asset.share': totals, hhi: totals, 'stablecoin.share': totals });
  });
});

/** HTX's tokens as the registry lists them: own HT/HTX, affiliated TRX/BTT (lib/exchanges/htx.ts). */
const htx: GradeExchangeParameters['exchange'] = { id: 'htx', name: 'HTX', ownTokens: ['HT', 'HTX'], affiliatedTokens: ['TRX', 'BTT'], status: { kind: 'operating', checkedOn: '2026-12-04' } };
const htxOnchain: RiskOnchainAssets = {
  totalUsd: 1000,
  cleanUsd: 950,
  topTokens: [
    { symbol: 'TRX', usd: 300 },
    { symbol: 'BTC', usd: 250 },
    { symbol: 'USDT', usd: 200 },
    { symbol: 'HTX', usd: 50 },
    { symbol: 'ETH', usd: 40 },
  ],
  source: 'https://x.example/onchain',
  asOf: '2025-02-28',
};

/** Each reason's date and URL, and those of the total it divides by where that is a different answer. */
function cited(exchange: GradeExchangeParameters['exchange'], assets: RiskOnchainAssets, metric: string) {
  const reason = gradeExchange({ exchange, reserves: { onchain: assets }, now }).reasons.find((candidate) => candidate.metric === metric);
  return { code: reason?.code, asOf: reason?.asOf, source: reason?.source, totalAsOf: reason?.totalAsOf, totalSource: reason?.totalSource };
}

describe('on-chain reasons built from two answers carry both', () => {
  test('own + affiliated share: the affiliated part is the breakdown’s (/protocol) dollars over the totals’ (/cexs) total, so it names both', () => {
    expect(cited(htx, { ...htxOnchain, ...breakdown }, 'own-affiliated.share')).toEqual({
      code: 'own-affiliated.share',
      asOf: '2025-02-25',
      source: 'https://x.example/protocol',
      totalAsOf: '2025-02-28',
      totalSource: 'https://x.example/onchain',
    });
  });

  test('the floor a thin breakdown leaves is about the breakdown: its date and URL first, the total’s beside', () => {
    const thin = { ...htxOnchain, ...breakdown, topTokens: [{ symbol: 'TRX', usd: 100 }] };
    expect(cited(htx, thin, 'own-affiliated.share')).toEqual({
      code: 'own-affiliated.floor',
      asOf: '2025-02-25',
      source: 'https://x.example/protocol',
      totalAsOf: '2025-02-28',
      totalSource: 'https://x.example/onchain',
    });
  });

  test('every share of the breakdown is its dollars over the totals’ total: both answers', () => {
    for (const metric of ['top-asset.share', 'minor-asset.share', 'hhi', 'stablecoin.share']) {
      expect(cited(htx, { ...htxOnchain, ...breakdown }, metric), metric).toMatchObject({ totalAsOf: '2025-02-28', totalSource: 'https://x.example/onchain' });
    }
  });

  test('one answer for both (no breakdown date of its own): one date, no second', () => {
    expect(cited(htx, htxOnchain, 'own-affiliated.share')).toEqual({
      code: 'own-affiliated.share',
      asOf: '2025-02-28',
      source: 'https://x.example/onchain',
      totalAsOf: undefined,
      totalSource: undefined,
    });
  });
});
