import { describe, expect, test } from 'vitest';
import { exchanges } from '../exchanges/registry';
import { bundledSnapshot } from '../reserves/snapshot';
import type { PorAttestation } from '../reserves/schema';
import type { RiskOnchainAssets } from './concentration';
import { gradeExchange, type RiskReserves } from './grade';
import { flows, grade, onchain as sharedOnchain, por as sharedPor } from './grade.testkit';

// Whose staleness an old on-chain or flow figure is (docs/risk-model.md, "Whose staleness it is").

// The shared X with a two-asset book: BTC and ETH, each with its reserve ratio.
const por: PorAttestation = { ...sharedPor, reserveRatios: { BTC: 1.05, ETH: 1.02 } };
const onchain: RiskOnchainAssets = {
  ...sharedOnchain,
  topTokens: [
    { symbol: 'BTC', usd: 500 },
    { symbol: 'ETH', usd: 460 },
  ],
};
const ageReasons = (reserves: RiskReserves, prefix: string) => grade(reserves).reasons.filter((reason) => reason.metric.startsWith(prefix) && reason.effect === 'unknown');

describe('old net flows', () => {
  test('give one reason for the block, not one per window', () => {
    for (const old of [
      { ...flows, asOf: '2025-01-01' },
      { ...flows, asOf: '2025-01-01', checkedAt: '2025-02-28' },
    ]) {
      const verdict = grade({ por, onchain, flows: old });
      const flowReasons = verdict.reasons.filter((reason) => reason.source === flows.source);
      expect(flowReasons).toHaveLength(1);
      expect(verdict).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    }
  });

  test('that we have not read since they were fresh are ours: "not checked since" the day we read them', () => {
    expect(ageReasons({ por, onchain, flows: { ...flows, asOf: '2025-01-01' } }, 'flows')).toEqual([
      expect.objectContaining({ metric: 'flows.checked', code: 'flows.unchecked', value: '2025-01-01', threshold: 7, params: { checkedAt: '2025-01-01', describes: '2025-01-01' } }),
    ]);
    // Read again while still fresh, and not since: the last good read is the day named.
    expect(ageReasons({ por, onchain, flows: { ...flows, asOf: '2025-01-01', checkedAt: '2025-01-05' } }, 'flows')).toEqual([
      expect.objectContaining({ code: 'flows.unchecked', value: '2025-01-05', params: { checkedAt: '2025-01-05', describes: '2025-01-01' } }),
    ]);
  });

  test('that the source still served when we read it yesterday are the source’s: the figures’ own age', () => {
    expect(ageReasons({ por, onchain, flows: { ...flows, asOf: '2025-01-01', checkedAt: '2025-02-28' } }, 'flows')).toEqual([
      expect.objectContaining({ metric: 'flows.age-days', code: 'flows.old', value: 59, threshold: 7 }),
    ]);
  });
});

describe('old on-chain figures', () => {
  test('that we have not read since they were fresh are ours, and still cannot vouch', () => {
    const verdict = grade({ por, onchain: { ...onchain, asOf: '2025-02-10' }, flows });
    expect(verdict).toMatchObject({ level: 'unknown', incomplete: true });
    expect(verdict.reasons[0]).toMatchObject({
      metric: 'onchain.checked',
      code: 'onchain.unchecked',
      value: '2025-02-10',
      threshold: 7,
      effect: 'unknown',
      params: { checkedAt: '2025-02-10', describes: '2025-02-10' },
    });
    expect(verdict.reasons.some((reason) => reason.code === 'onchain.old')).toBe(false);
  });

  test('that the source still served when we last read it are the source’s', () => {
    const verdict = grade({ por, onchain: { ...onchain, asOf: '2025-02-10', checkedAt: '2025-02-27' }, flows });
    expect(verdict).toMatchObject({ level: 'unknown', incomplete: true });
    expect(verdict.reasons[0]).toMatchObject({ metric: 'onchain.age-days', code: 'onchain.old', value: 19, threshold: 7, effect: 'unknown' });
  });

  test('a check dated before the figures counts as none', () => {
    expect(ageReasons({ por, onchain: { ...onchain, asOf: '2025-02-10', checkedAt: '2025-02-01' }, flows }, 'onchain')).toEqual([
      expect.objectContaining({ code: 'onchain.unchecked', value: '2025-02-10' }),
    ]);
  });

  test('fresh figures read today give no age reason at all', () => {
    expect(ageReasons({ por, onchain: { ...onchain, checkedAt: '2025-03-01' }, flows: { ...flows, checkedAt: '2025-03-01' } }, 'onchain')).toEqual([]);
    expect(grade({ por, onchain: { ...onchain, checkedAt: '2025-03-01' }, flows: { ...flows, checkedAt: '2025-03-01' } }).incomplete).toBe(false);
  });
});

describe('the bundled snapshot months after release, the feed unreachable', () => {
  test('Binance’s on-chain and flow figures read on 2026-08-10 are ours, "not checked since", once each', () => {
    const binance = exchanges.find((entry) => entry.id === 'binance')!;
    const reserves = bundledSnapshot().exchanges.binance;
    const verdict = gradeExchange({ exchange: binance, reserves, now: new Date('2026-12-05T12:00:00Z') });
    const stale = verdict.reasons.filter((reason) => reason.code.endsWith('.old') || reason.code.endsWith('.unchecked'));
    expect(stale.map((reason) => [reason.code, reason.value])).toEqual(
      expect.arrayContaining([
        ['onchain.unchecked', '2026-08-10'],
        ['flows.unchecked', '2026-08-10'],
      ]),
    );
    expect(stale.filter((reason) => reason.code.startsWith('flows') || reason.code.startsWith('onchain'))).toHaveLength(2);
  });
});
