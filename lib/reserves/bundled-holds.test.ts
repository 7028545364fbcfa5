import { describe, expect, test } from 'vitest';
import type { Snapshot } from './schema';
import { bundledCheckedOn, bundledDays, bundledHolds } from './bundled-holds';
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

describe('bundledDays: the days the bundled figures describe, not the day the file was compiled', () => {
  test('the shipped file: /cexs totals as of their own day, PoR reports over their own range, none on or after the compile day', () => {
    const shipped = bundledSnapshot();
    const ids = Object.keys(shipped.exchanges);
    const cexs = bundledDays(shipped, { group: 'cexs', exchangeIds: ids });
    const dayOf = (id: string) => shipped.exchanges[id]?.onchain?.asOf;
    expect(cexs?.from).toBe(dayOf('binance'));
    expect(cexs?.from).not.toBe(shipped.generatedAt.slice(0, 10));
    const checked = bundledCheckedOn(shipped);
    expect(checked).toBeDefined();
    expect(checked! <= shipped.generatedAt.slice(0, 10)).toBe(true);
    expect(bundledDays(shipped, { group: 'feed' })).toBeUndefined();
    expect(bundledDays(shipped, { group: 'own-token-prices' })).toBeUndefined();
  });

  test('the oldest and the newest day among the exchanges asked about; a "none" record and a missing figure give no day', () => {
    const some = snapshot({
      binance: { onchain: totals, flows: { asOf: '2026-07-01', source: 'https://api.llama.fi/cexs' }, por },
      okx: { onchain: { ...totals, asOf: '2026-08-12' }, por: { ...por, method: 'none', asOf: '2014-01-01' } },
    });
    expect(bundledDays(some, { group: 'cexs', exchangeIds: ['binance', 'okx'] })).toEqual({ from: '2026-07-01', to: '2026-08-12' });
    expect(bundledDays(some, { group: 'cexs', exchangeIds: ['okx'] })).toEqual({ from: '2026-08-12', to: '2026-08-12' });
    expect(bundledDays(some, { group: 'cexs', exchangeIds: ['kraken'] })).toBeUndefined();
    expect(bundledDays(some, { group: 'feed' })).toBeUndefined();
    expect(bundledDays(some, { group: 'protocol', exchangeId: 'binance' })).toBeUndefined();
    const broken = snapshot({ binance: { onchain: { ...totals, breakdownAsOf: '2026-08-09', topTokens: [{ symbol: 'BTC', usd: 5e9 }] } } });
    expect(bundledDays(broken, { group: 'protocol', exchangeId: 'binance' })).toEqual({ from: '2026-08-09', to: '2026-08-09' });
  });
});

describe('bundledCheckedOn: the day we last checked the PoR records in our copy, which is its age', () => {
  test('the newest check over every record, a "none" finding included; a record without a check counts its own day; none at all, no day', () => {
    const some = snapshot({
      binance: { por: { ...por, checkedAt: '2026-11-02' } },
      okx: { por: { ...por, method: 'none', asOf: '2014-01-01', checkedAt: '2026-12-04' } },
      upbit: { por: { ...por, asOf: '2019-04-01' } },
    });
    expect(bundledCheckedOn(some)).toBe('2026-12-04');
    expect(bundledCheckedOn(snapshot({ okx: { por: { ...por, method: 'none', asOf: '2014-01-01', checkedAt: '2026-10-05' } } }))).toBe('2026-10-05');
    expect(bundledCheckedOn(snapshot({ upbit: { por: { ...por, asOf: '2019-04-01' } } }))).toBe('2019-04-01');
    expect(bundledCheckedOn(snapshot({}))).toBeUndefined();
  });
});
