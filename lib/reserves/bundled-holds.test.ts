import { describe, expect, test } from 'vitest';
import type { Snapshot } from './schema';
import { bundledHolds } from './bundled-holds';
import { bundledSnapshot } from './snapshot';

const totals = { asOf: '2026-08-10', totalUsd: 10e9, cleanUsd: 9e9, source: 'https://api.llama.fi/cexs', observedAt: '2026-08-10T06:20:12.000Z' };
const snapshot = (exchanges: Snapshot['exchanges']): Snapshot => ({ version: 1, generatedAt: '2026-10-05T00:00:00.000Z', exchanges });
const por = { asOf: '2026-09-01', source: 'https://www.binance.com/en/proof-of-reserves', method: 'merkle' } as unknown as NonNullable<Snapshot['exchanges'][string]['por']>;

describe('bundledHolds: a source is said to be covered by the bundled data only when that data holds its kind of figure', () => {
  test('the shipped file: the feed and /cexs totals yes; own-token prices and per-exchange breakdowns no', () => {
    const shipped = bundledSnapshot();
    expect(bundledHolds(shipped, { group: 'feed' })).toBe(true);
    expect(bundledHolds(shipped, { group: 'cexs' })).toBe(true);
    expect(bundledHolds(shipped, { group: 'own-token-prices' })).toBe(false);
    expect(bundledHolds(shipped, { group: 'protocol', exchangeId: 'binance' })).toBe(false);
    expect(bundledHolds(shipped, { group: 'protocol', exchangeId: 'okx' })).toBe(false);
  });

  test('no figure of a kind, no claim; a breakdown counts only for its own exchange', () => {
    const empty = snapshot({});
    for (const group of ['feed', 'cexs', 'own-token-prices', 'protocol'] as const) expect(bundledHolds(empty, { group, exchangeId: 'binance' }), group).toBe(false);
    const porOnly = snapshot({ binance: { por } });
    expect(bundledHolds(porOnly, { group: 'feed' })).toBe(true);
    expect(bundledHolds(porOnly, { group: 'cexs' })).toBe(false);
    const broken = snapshot({ binance: { onchain: { ...totals, breakdownAsOf: '2026-08-09', topTokens: [{ symbol: 'BTC', usd: 5e9 }] } } });
    expect(bundledHolds(broken, { group: 'protocol', exchangeId: 'binance' })).toBe(true);
    expect(bundledHolds(broken, { group: 'protocol', exchangeId: 'okx' })).toBe(false);
    expect(bundledHolds(broken, { group: 'protocol' })).toBe(false);
  });
});
