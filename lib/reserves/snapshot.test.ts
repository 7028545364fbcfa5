import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { bundledSnapshot, bundledSnapshotProblem, parseSnapshot } from './snapshot';
import { stableStringify } from './stable-json';

const fileText = readFileSync(new URL('../../data/snapshot.json', import.meta.url), 'utf8');

describe('data/snapshot.json', () => {
  it('passes the schema', () => {
    const parsed = parseSnapshot(JSON.parse(fileText));
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('ok');
    expect(bundledSnapshotProblem()).toBeUndefined();
  });

  it('names only exchanges in the registry', () => {
    const unknown = Object.keys(bundledSnapshot().exchanges).filter((id) => getExchange(id) === undefined);
    expect(unknown).toEqual([]);
  });

  it('is written with sorted keys, two-space indent and a trailing newline', () => {
    expect(stableStringify(JSON.parse(fileText))).toBe(fileText);
  });

  it('gives every exchange a PoR block, with figures only where a method exists', () => {
    for (const [id, reserves] of Object.entries(bundledSnapshot().exchanges)) {
      expect(reserves.por, id).toBeDefined();
      if (reserves.por?.method === 'none') expect(reserves.por.reserveRatios, id).toBeUndefined();
    }
  });

  it('covers at least 25 registry exchanges', () => {
    expect(Object.keys(bundledSnapshot().exchanges).length).toBeGreaterThanOrEqual(25);
  });

  it('has binance', () => {
    expect(bundledSnapshot().exchanges.binance?.por?.method).toBe('zk-proof');
  });
});

describe('parseSnapshot', () => {
  const base = JSON.parse(fileText) as { exchanges: Record<string, unknown> };

  it('rejects a document whose clean assets exceed its total', () => {
    const bad = {
      ...base,
      exchanges: {
        x: { onchain: { totalUsd: 10, cleanUsd: 20, source: 'https://api.llama.fi/cexs', asOf: '2025-01-01' } },
      },
    };
    const parsed = parseSnapshot(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/clean assets cannot exceed total/);
  });

  it('rejects negative and NaN dollars and an unknown version', () => {
    const onchain = (totalUsd: number) => ({ ...base, exchanges: { x: { onchain: { totalUsd, cleanUsd: 0, source: 'https://a.example', asOf: '2025-01-01' } } } });
    expect(parseSnapshot(onchain(-1)).ok).toBe(false);
    expect(parseSnapshot(onchain(Number.NaN)).ok).toBe(false);
    expect(parseSnapshot(onchain(1e15)).ok).toBe(false);
    expect(parseSnapshot({ ...base, version: 2 }).ok).toBe(false);
    expect(parseSnapshot('nope').ok).toBe(false);
  });

  it('rejects a non-https source and a report published before its snapshot', () => {
    const por = (extra: object) => ({
      ...base,
      exchanges: { x: { por: { method: 'merkle-liabilities', cadence: 'monthly', liabilitiesIncluded: true, source: 'https://a.example', asOf: '2025-01-01', ...extra } } },
    });
    expect(parseSnapshot(por({})).ok).toBe(true);
    expect(parseSnapshot(por({ source: 'http://a.example' })).ok).toBe(false);
    expect(parseSnapshot(por({ snapshotDate: '2025-02-01', publishedDate: '2025-01-01' })).ok).toBe(false);
    expect(parseSnapshot(por({ method: 'none', reserveRatios: { BTC: 1 } })).ok).toBe(false);
  });

  it.each(['onchain', 'flows'] as const)('rejects the %s block read before the day it describes, saying so', (block) => {
    const figures = block === 'onchain' ? { totalUsd: 10, cleanUsd: 10 } : { net24hUsd: 1 };
    const doc = (checkedAt: string) => ({ ...base, exchanges: { x: { [block]: { ...figures, source: 'https://api.llama.fi/cexs', asOf: '2025-01-10', checkedAt } } } });
    expect(parseSnapshot(doc('2025-01-10')).ok).toBe(true);
    expect(parseSnapshot(doc('2025-02-01')).ok).toBe(true);
    expect(parseSnapshot(doc('2025-01-09'))).toEqual({
      ok: false,
      reason: `snapshot rejected: exchanges.x.${block}: figures cannot be read before the day they describe (checkedAt is earlier than asOf)`,
    });
  });
});
