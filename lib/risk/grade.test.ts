import { describe, expect, test } from 'vitest';
import type { Flows, PorAttestation } from '../reserves/schema';
import type { RiskOnchainAssets } from './concentration';
import { gradeExchange, type GradeExchangeParameters, type RiskReserves } from './grade';
import { THRESHOLDS } from './thresholds';

const now = new Date('2025-03-01T00:00:00Z');
const exchange: GradeExchangeParameters['exchange'] = { id: 'x', name: 'X', ownTokens: ['XT'], status: { kind: 'operating' } };
const por: PorAttestation = {
  method: 'merkle-liabilities',
  cadence: 'monthly',
  liabilitiesIncluded: true,
  reserveRatios: { BTC: 1.05, ETH: 1.02, USDT: 1.1, USDC: 1.01 },
  source: 'https://x.example/por',
  asOf: '2025-02-01',
};
const onchain: RiskOnchainAssets = {
  totalUsd: 1000,
  cleanUsd: 960,
  topTokens: [
    { symbol: 'BTC', usd: 400 },
    { symbol: 'USDT', usd: 250 },
    { symbol: 'ETH', usd: 200 },
    { symbol: 'XT', usd: 40 },
    { symbol: 'SOL', usd: 30 },
  ],
  source: 'https://x.example/onchain',
  asOf: '2025-02-28',
};
const flows: Flows = { net7dUsd: -20, net30dUsd: 15, source: 'https://x.example/flows', asOf: '2025-02-28' };
const healthy: RiskReserves = { por, onchain, flows };

function grade(reserves: RiskReserves | undefined, overrides: Partial<GradeExchangeParameters['exchange']> = {}) {
  return gradeExchange({ exchange: { ...exchange, ...overrides }, reserves, now });
}

describe('gradeExchange', () => {
  test('full, fresh, healthy data with a Merkle PoR is ok / A, with a reason per figure', () => {
    const verdict = grade(healthy);
    expect(verdict.level).toBe('ok');
    expect(verdict.grade).toBe('A');
    expect(verdict.reasons.every((reason) => reason.effect === 'ok' || reason.effect === 'info')).toBe(true);
    const metrics = verdict.reasons.map((reason) => reason.metric);
    for (const metric of ['status', 'por.method', 'por.age-days', 'reserve-ratio.major', 'reserve-ratio.any', 'own-token.share', 'top-asset.share', 'minor-asset.share', 'hhi', 'outflow-7d.share', 'outflow-30d.share']) {
      expect(metrics).toContain(metric);
    }
    expect(verdict.asOf).toBe('2025-02-01');
    expect(verdict.sources).toEqual(expect.arrayContaining(['https://x.example/por', 'https://x.example/onchain', 'https://x.example/flows']));
    const own = verdict.reasons.find((reason) => reason.metric === 'own-token.share');
    expect(own).toMatchObject({ value: 0.04, threshold: 0.1, source: onchain.source, asOf: onchain.asOf });
    expect(own?.message).toContain('4 %');
  });

  test('an auditor attestation alone earns B, not A', () => {
    expect(grade({ ...healthy, por: { ...por, method: 'auditor-attestation' } }).grade).toBe('B');
  });

  test('no data at all, or a missing block, is unknown — never ok', () => {
    expect(grade(undefined)).toMatchObject({ level: 'unknown', grade: '?' });
    expect(grade({ onchain, flows }).level).toBe('unknown');
    expect(grade({ por, flows }).level).toBe('unknown');
    expect(grade({ ...healthy, por: { ...por, reserveRatios: undefined } }).level).toBe('unknown');
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { SOL: 1.2 } } }).level).toBe('unknown');
  });

  test('stale data cannot produce ok', () => {
    const staleOnchain = grade({ ...healthy, onchain: { ...onchain, asOf: '2025-02-10' } });
    expect(staleOnchain.level).toBe('unknown');
    expect(staleOnchain.reasons[0]).toMatchObject({ metric: 'onchain.age-days', value: 19, threshold: 7, effect: 'unknown' });
    const stalePor = grade({ ...healthy, por: { ...por, asOf: '2024-11-01' } });
    expect(stalePor).toMatchObject({ level: 'caution', grade: 'C' });
    expect(stalePor.reasons[0]).toMatchObject({ metric: 'por.age-days', value: 120, threshold: 62 });
    expect(grade({ ...healthy, flows: { ...flows, asOf: '2025-01-01' } }).level).toBe('caution');
  });

  test('missing secondary figures cap at caution, one caution reason per figure', () => {
    const noFlows = grade({ por, onchain });
    expect(noFlows).toMatchObject({ level: 'caution', grade: 'D' });
    expect(noFlows.reasons.filter((reason) => reason.effect === 'caution').map((reason) => reason.metric)).toEqual(['outflow-7d.share', 'outflow-30d.share']);
    const noBreakdown = grade({ ...healthy, onchain: { ...onchain, topTokens: undefined } });
    expect(noBreakdown.level).toBe('caution');
  });

  test('own-token share: caution from 10 %, danger from 25 %', () => {
    expect(grade({ ...healthy, onchain: { ...onchain, cleanUsd: 890 } })).toMatchObject({ level: 'caution', grade: 'C' });
    const danger = grade({ ...healthy, onchain: { ...onchain, cleanUsd: 740 } });
    expect(danger).toMatchObject({ level: 'danger', grade: 'F' });
    expect(danger.reasons[0]).toMatchObject({ metric: 'own-token.share', effect: 'danger', threshold: 0.25, thresholdId: 'own-token.share.danger' });
  });

  test('affiliated tokens count with own tokens, and need a breakdown', () => {
    const withAffiliate = { ...healthy, onchain: { ...onchain, topTokens: [...(onchain.topTokens ?? []), { symbol: 'SOL', usd: 0 }] } };
    expect(grade(withAffiliate, { affiliatedTokens: ['SOL'] }).level).toBe('ok');
    const heavy = { ...healthy, onchain: { ...onchain, topTokens: [{ symbol: 'BTC', usd: 500 }, { symbol: 'SOL', usd: 250 }] } };
    expect(grade(heavy, { affiliatedTokens: ['SOL'] }).reasons[0]).toMatchObject({ metric: 'own-affiliated.share', effect: 'danger' });
    expect(grade({ ...healthy, onchain: { ...onchain, topTokens: undefined } }, { affiliatedTokens: ['SOL'] }).level).toBe('unknown');
  });

  test('reserve ratios below 100 % warn, majors below 95 % are danger', () => {
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { ...por.reserveRatios, DOGE: 0.99 } } }).level).toBe('caution');
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { ...por.reserveRatios, ETH: 0.98 } } })).toMatchObject({ level: 'caution', grade: 'D' });
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { ...por.reserveRatios, BTC: 0.9 } } }).level).toBe('danger');
  });

  test('weak PoR methods warn and their "ratios" are not read', () => {
    const walletList = grade({ ...healthy, por: { ...por, method: 'wallet-list', reserveRatios: { BTC: 0.5 } } });
    expect(walletList.level).toBe('caution');
    expect(walletList.metrics.reserveCoverage).toBeUndefined();
    expect(grade({ ...healthy, por: { ...por, method: 'none', reserveRatios: undefined } }).level).toBe('caution');
  });

  test('a large outflow looks like a run', () => {
    const run = grade({ ...healthy, flows: { ...flows, net7dUsd: -150 } });
    expect(run.level).toBe('caution');
    expect(run.reasons[0]).toMatchObject({ metric: 'outflow-7d.share', value: 0.15, threshold: 0.1 });
    expect(run.reasons[0]?.message).toContain('150 left');
  });

  test('a single minor asset, or a concentrated book, warns', () => {
    const meme = grade({ ...healthy, onchain: { ...onchain, topTokens: [{ symbol: 'BTC', usd: 400 }, { symbol: 'SHIB', usd: 200 }, { symbol: 'ETH', usd: 190 }] } });
    expect(meme.reasons.find((reason) => reason.metric === 'minor-asset.share')).toMatchObject({ effect: 'caution', value: 0.2 });
    const oneAsset = grade({ ...healthy, onchain: { ...onchain, topTokens: [{ symbol: 'BTC', usd: 800 }] } });
    expect(oneAsset.reasons.filter((reason) => reason.effect === 'caution').map((reason) => reason.metric).sort()).toEqual(['hhi', 'top-asset.share']);
  });

  test('leverage is shown but never moves the level', () => {
    const leveraged = grade({ ...healthy, onchain: { ...onchain, leverage: 3 } });
    expect(leveraged.level).toBe('ok');
    expect(leveraged.metrics.leverage).toBe(3);
    expect(leveraged.reasons.find((reason) => reason.metric === 'leverage')?.effect).toBe('info');
  });

  test('collapsed exchanges are danger whatever their figures; recent incidents warn', () => {
    const collapsed = grade(healthy, { status: { kind: 'collapsed', date: '2024-01-01', history: 'Gone.', source: 'https://news.example/gone' } });
    expect(collapsed).toMatchObject({ level: 'danger', grade: 'F' });
    expect(collapsed.reasons[0]).toMatchObject({ metric: 'status', source: 'https://news.example/gone', asOf: '2024-01-01' });
    const hacked = grade(healthy, { incidents: [{ kind: 'hack', date: '2025-02-01', summary: 'Hot wallet drained.', source: 'https://news.example/hack' }] });
    expect(hacked).toMatchObject({ level: 'caution', grade: 'C' });
    expect(hacked.reasons[0]).toMatchObject({ metric: 'incident.hack', value: 28, threshold: 180, source: 'https://news.example/hack' });
    expect(hacked.sources).toContain('https://news.example/hack');
  });

  test('is deterministic: the same inputs and now give the same verdict', () => {
    expect(grade(healthy)).toEqual(grade(structuredClone(healthy)));
  });

  test('every threshold the verdict cites is in the table', () => {
    const ids = new Set(THRESHOLDS.map((row) => row.id));
    const cited = [grade(healthy), grade({ ...healthy, onchain: { ...onchain, cleanUsd: 100 } })].flatMap((verdict) => verdict.reasons.flatMap((reason) => (reason.thresholdId === undefined ? [] : [reason.thresholdId])));
    expect(cited.length).toBeGreaterThan(5);
    for (const id of cited) expect(ids.has(id)).toBe(true);
  });
});

describe('gradeExchange with figures from the future', () => {
  test('a block dated after now is set aside and counts as missing', () => {
    const verdict = gradeExchange({ exchange, reserves: { ...healthy, onchain: { ...onchain, asOf: '2025-03-05' } }, now });
    expect(verdict.level).toBe('unknown');
    expect(verdict.reasons.find((reason) => reason.metric === 'future-dated')).toMatchObject({ value: '2025-03-05', effect: 'info' });
    expect(verdict.reasons.find((reason) => reason.metric === 'onchain')?.effect).toBe('unknown');
    expect(verdict.asOf).toBe('2025-02-01');
    // One day of slack for time zones.
    expect(gradeExchange({ exchange, reserves: { ...healthy, onchain: { ...onchain, asOf: '2025-03-02' } }, now }).level).toBe('ok');
  });
});
