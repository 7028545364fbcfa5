import { describe, expect, test } from 'vitest';
import { assetConcentration } from './concentration';
import { recentIncidents } from './incidents';
import { netFlowShares } from './net-flows';
import { porFreshness } from './por-freshness';
import { porMethodStrength } from './por-method';
import { reserveCoverage } from './reserve-coverage';

const now = new Date('2025-03-01T12:00:00Z');

describe('reserveCoverage', () => {
  test('finds the lowest ratio among majors and over all assets, case-insensitively', () => {
    const result = reserveCoverage({ reserveRatios: { btc: 1.05, ETH: 1.02, USDT: 1.1, DOGE: 0.97 } });
    expect(result.lowestMajor).toEqual({ asset: 'ETH', ratio: 1.02 });
    expect(result.lowestAny).toEqual({ asset: 'DOGE', ratio: 0.97 });
  });
  test('leaves majors unknown when none is published', () => {
    expect(reserveCoverage({ reserveRatios: { SHIB: 1.01 } })).toEqual({ lowestAny: { asset: 'SHIB', ratio: 1.01 } });
    expect(reserveCoverage({ reserveRatios: undefined })).toEqual({});
  });
});

describe('porFreshness', () => {
  test("measures age in the exchange's own cadences", () => {
    const fresh = porFreshness({ por: { cadence: 'monthly', asOf: '2025-01-15' }, now });
    expect(fresh).toMatchObject({ ageDays: 45, allowedDays: 62, stale: false });
    const stale = porFreshness({ por: { cadence: 'monthly', asOf: '2024-12-01' }, now });
    expect(stale.ageDays).toBe(90);
    expect(stale.stale).toBe(true);
    expect(porFreshness({ por: { cadence: 'daily', asOf: '2025-02-26' }, now }).stale).toBe(true);
    expect(porFreshness({ por: { cadence: 'unknown', asOf: '2024-06-01' }, now }).stale).toBe(false);
  });
});

describe('porMethodStrength', () => {
  test('orders methods from none to zk proof', () => {
    const order = (['none', 'wallet-list', 'auditor-attestation', 'merkle-liabilities', 'zk-proof'] as const).map(porMethodStrength);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('assetConcentration', () => {
  test('computes own, affiliated, stablecoin, top and minor shares', () => {
    const result = assetConcentration({
      onchain: {
        totalUsd: 1000,
        cleanUsd: 900,
        topTokens: [
          { symbol: 'BTC', usd: 400 },
          { symbol: 'usdt', usd: 200 },
          { symbol: 'TRX', usd: 150 },
          { symbol: 'HT', usd: 100 },
          { symbol: 'SHIB', usd: 50 },
        ],
      },
      ownTokens: ['HT'],
      affiliatedTokens: ['TRX'],
    });
    expect(result.ownTokenShare).toBeCloseTo(0.1);
    expect(result.affiliatedTokenShare).toBeCloseTo(0.15);
    expect(result.ownAndAffiliatedShare).toBeCloseTo(0.25);
    expect(result.stablecoinShare).toBeCloseTo(0.2);
    expect(result.topAsset).toEqual({ symbol: 'BTC', share: 0.4 });
    expect(result.topMinorAsset).toEqual({ symbol: 'SHIB', share: 0.05 });
    expect(result.unlistedShare).toBeCloseTo(0.1);
  });

  test('bounds the HHI by how the unlisted remainder could be split', () => {
    // Listed 0.5 and 0.2; 0.3 unlisted, no piece larger than 0.2 → worst case 0.2 + 0.1.
    const result = assetConcentration({
      onchain: {
        totalUsd: 100,
        cleanUsd: 100,
        topTokens: [
          { symbol: 'BTC', usd: 50 },
          { symbol: 'ETH', usd: 20 },
        ],
      },
      ownTokens: [],
    });
    expect(result.hhi?.low).toBeCloseTo(0.25 + 0.04);
    expect(result.hhi?.high).toBeCloseTo(0.25 + 0.04 + 0.04 + 0.01);
  });

  test('sums a token listed on several chains and caps shares when the list exceeds the total', () => {
    const result = assetConcentration({
      onchain: {
        totalUsd: 100,
        cleanUsd: 100,
        topTokens: [
          { symbol: 'ETH', usd: 60 },
          { symbol: 'eth', usd: 60 },
        ],
      },
      ownTokens: [],
    });
    expect(result.topAsset).toEqual({ symbol: 'ETH', share: 1 });
    expect(result.unlistedShare).toBe(0);
  });

  test('omits what it cannot know', () => {
    expect(assetConcentration({ onchain: { totalUsd: 0, cleanUsd: 0 }, ownTokens: ['BNB'] })).toEqual({});
    const noClean = assetConcentration({ onchain: { totalUsd: 10 }, ownTokens: ['CRO'], affiliatedTokens: ['X'] });
    expect(noClean).toEqual({});
    const noBreakdown = assetConcentration({ onchain: { totalUsd: 10, cleanUsd: 8 }, ownTokens: ['BNB'], affiliatedTokens: ['X'] });
    expect(noBreakdown.ownTokenShare).toBeCloseTo(0.2);
    expect(noBreakdown.ownAndAffiliatedShare).toBeUndefined();
  });
});

describe('netFlowShares', () => {
  test('turns net outflows into a share of what was held when the window began (now plus what left), and inflows into 0', () => {
    expect(netFlowShares({ flows: { net7dUsd: -25, net30dUsd: 40 }, totalUsd: 75 })).toEqual({ outflow7dShare: 0.25, outflow30dShare: 0 });
    expect(netFlowShares({ flows: {}, totalUsd: 100 })).toEqual({});
    // Drained to 0: what left is all of what was held; with nothing held and nothing leaving there is no share.
    expect(netFlowShares({ flows: { net7dUsd: -1, net30dUsd: 5 }, totalUsd: 0 })).toEqual({ outflow7dShare: 1 });
    expect(netFlowShares({ flows: { net7dUsd: -1 }, totalUsd: Number.NaN })).toEqual({});
  });
});

describe('recentIncidents', () => {
  test('keeps graded incidents inside their window and ignores future ones', () => {
    const source = 'https://example.org/incident';
    const result = recentIncidents({
      incidents: [
        { kind: 'hack', date: '2025-01-01', summary: 'recent hack', source },
        { kind: 'hack', date: '2024-01-01', summary: 'old hack', source },
        { kind: 'withdrawal-halt', date: '2025-04-01', summary: 'after now', source },
        { kind: 'regulatory', date: '2025-02-01', summary: 'fine', source },
        { kind: 'insolvency', date: '2024-06-01', summary: 'bankrupt', source },
      ],
      now,
    });
    expect(result.map((incident) => incident.summary)).toEqual(['recent hack', 'bankrupt']);
    expect(result[0]?.ageDays).toBe(59);
  });
});
