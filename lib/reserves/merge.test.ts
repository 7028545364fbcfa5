import { describe, expect, it } from 'vitest';
import { applyBreakdown, mergeReserves, mergeSnapshots } from './merge';
import type { OnchainAssets, Snapshot, TokenAmounts } from './schema';
import { parseSnapshot } from './snapshot';

const LLAMA = 'https://api.llama.fi/cexs';
const onchain = (totalUsd: number, when: string, extra: Partial<OnchainAssets> = {}): OnchainAssets => ({
  totalUsd,
  cleanUsd: totalUsd,
  source: LLAMA,
  asOf: when.slice(0, 10),
  ...(when.length > 10 ? { observedAt: when } : {}),
  ...extra,
});

const held: Snapshot = {
  version: 1,
  generatedAt: '2026-08-10T12:00:00.000Z',
  exchanges: {
    binance: {
      por: { method: 'zk-proof', cadence: 'monthly', liabilitiesIncluded: true, source: 'https://a.example/por', asOf: '2026-08-01' },
      onchain: onchain(100, '2026-08-10T12:00:00.000Z'),
      flows: { net24hUsd: 5, source: LLAMA, asOf: '2026-08-10', observedAt: '2026-08-10T12:00:00.000Z' },
    },
  },
};

describe('mergeReserves', () => {
  it('takes a newer block and stamps the document', () => {
    const out = mergeReserves({ held, incoming: { binance: { onchain: onchain(120, '2026-08-10T13:00:00.000Z') } }, generatedAt: '2026-08-10T13:00:00.000Z' });
    expect(out.snapshot.exchanges.binance?.onchain?.totalUsd).toBe(120);
    expect(out.snapshot.exchanges.binance?.por).toBe(held.exchanges.binance?.por);
    expect(out.snapshot.generatedAt).toBe('2026-08-10T13:00:00.000Z');
    expect(out.changed).toEqual(['binance.onchain']);
  });

  it('never lets an older block overwrite a newer one', () => {
    const out = mergeReserves({
      held,
      incoming: {
        binance: {
          onchain: onchain(1, '2026-08-10T11:00:00.000Z'),
          flows: { net24hUsd: -1, source: LLAMA, asOf: '2026-08-09' },
          por: { method: 'none', cadence: 'unknown', liabilitiesIncluded: false, source: 'https://a.example/old', asOf: '2026-07-01' },
        },
      },
    });
    expect(out.snapshot).toBe(held);
    expect(out.keptNewer.sort()).toEqual(['binance.flows', 'binance.onchain', 'binance.por']);
  });

  it('lets a same-day curated date lose to a timed reading of that day, and win the next day', () => {
    expect(mergeReserves({ held, incoming: { binance: { onchain: onchain(7, '2026-08-10') } } }).snapshot).toBe(held);
    expect(mergeReserves({ held, incoming: { binance: { onchain: onchain(7, '2026-08-11') } } }).snapshot.exchanges.binance?.onchain?.totalUsd).toBe(7);
  });

  it('adds an exchange it did not hold and leaves the held object untouched', () => {
    const before = JSON.stringify(held);
    const out = mergeReserves({ held, incoming: { okx: { onchain: onchain(3, '2026-08-10') } } });
    expect(out.snapshot.exchanges.okx?.onchain?.totalUsd).toBe(3);
    expect(JSON.stringify(held)).toBe(before);
  });

  it('keeps a slower breakdown when newer totals arrive without one', () => {
    const withBreakdown = applyBreakdown({
      held,
      exchangeId: 'binance',
      breakdown: { topTokens: [{ symbol: 'BTC', usd: 60 }], byChain: { Bitcoin: 60 }, asOf: '2026-08-10', source: 'https://api.llama.fi/protocol/binance-cex' },
    }).snapshot;
    expect(withBreakdown.exchanges.binance?.onchain?.topTokens).toEqual([{ symbol: 'BTC', usd: 60 }]);

    const later = mergeReserves({ held: withBreakdown, incoming: { binance: { onchain: onchain(110, '2026-08-10T14:00:00.000Z') } } }).snapshot;
    expect(later.exchanges.binance?.onchain).toMatchObject({
      totalUsd: 110,
      topTokens: [{ symbol: 'BTC', usd: 60 }],
      breakdownAsOf: '2026-08-10',
      breakdownSource: 'https://api.llama.fi/protocol/binance-cex',
    });
    expect(parseSnapshot(later).ok).toBe(true);

    // A breakdown that no longer fits inside the total is dropped rather than contradicting it.
    const shrunk = mergeReserves({ held: withBreakdown, incoming: { binance: { onchain: onchain(50, '2026-08-10T15:00:00.000Z') } } }).snapshot;
    expect(shrunk.exchanges.binance?.onchain?.topTokens).toBeUndefined();
    expect(parseSnapshot(shrunk).ok).toBe(true);
  });

  it('coin amounts: newer wins, an older one is refused, a reading without them deletes nothing', () => {
    const PROTOCOL = 'https://api.llama.fi/protocol/binance-cex';
    const amounts = (at: string, eth: number): TokenAmounts => ({ source: PROTOCOL, asOf: at.slice(0, 10), chains: { Ethereum: { at, amounts: { ETH: eth } } } });
    const breakdown = (tokenAmounts?: TokenAmounts) => ({
      topTokens: [{ symbol: 'BTC', usd: 60 }],
      byChain: { Bitcoin: 60 },
      asOf: '2026-08-10',
      source: PROTOCOL,
      ...(tokenAmounts === undefined ? {} : { tokenAmounts }),
    });

    const first = applyBreakdown({ held, exchangeId: 'binance', breakdown: breakdown(amounts('2026-08-10T10:00:00.000Z', 5)) });
    expect(first.changed).toContain('binance.tokenAmounts');
    expect(first.snapshot.exchanges.binance?.onchain?.tokenAmounts?.chains.Ethereum?.amounts).toEqual({ ETH: 5 });
    expect(parseSnapshot(first.snapshot).ok).toBe(true);

    const older = applyBreakdown({ held: first.snapshot, exchangeId: 'binance', breakdown: breakdown(amounts('2026-08-10T09:00:00.000Z', 1)) });
    expect(older.changed).not.toContain('binance.tokenAmounts');
    expect(older.snapshot.exchanges.binance?.onchain?.tokenAmounts?.chains.Ethereum?.amounts).toEqual({ ETH: 5 });

    const newer = applyBreakdown({ held: first.snapshot, exchangeId: 'binance', breakdown: breakdown(amounts('2026-08-10T11:00:00.000Z', 6)) });
    expect(newer.changed).toContain('binance.tokenAmounts');
    expect(newer.snapshot.exchanges.binance?.onchain?.tokenAmounts?.chains.Ethereum?.amounts).toEqual({ ETH: 6 });

    const without = applyBreakdown({ held: first.snapshot, exchangeId: 'binance', breakdown: breakdown() });
    expect(without.changed).not.toContain('binance.tokenAmounts');
    expect(without.snapshot.exchanges.binance?.onchain?.tokenAmounts?.chains.Ethereum?.amounts).toEqual({ ETH: 5 });

    const totalsLater = mergeReserves({ held: first.snapshot, incoming: { binance: { onchain: onchain(110, '2026-08-10T14:00:00.000Z') } } });
    expect(totalsLater.snapshot.exchanges.binance?.onchain).toMatchObject({ totalUsd: 110, tokenAmounts: amounts('2026-08-10T10:00:00.000Z', 5) });
    expect(totalsLater.changed).toEqual(['binance.onchain']);
  });

  it('an old stored snapshot without coin amounts still parses', () => {
    expect(parseSnapshot(held).ok).toBe(true);
  });

  it('does not attach a breakdown to an exchange without totals', () => {
    const out = applyBreakdown({ held, exchangeId: 'okx', breakdown: { topTokens: [], byChain: {}, asOf: '2026-08-10', source: LLAMA } });
    expect(out.snapshot).toBe(held);
  });
});

describe('mergeSnapshots', () => {
  it('changes nothing when the incoming document is rejected', () => {
    const out = mergeSnapshots({ held, incoming: { version: 1, generatedAt: 'x', exchanges: {} } });
    expect(out.ok).toBe(false);
    expect(out.snapshot).toBe(held);
    if (!out.ok) expect(out.reason).toMatch(/generatedAt/);
  });

  it('keeps the held figures when a block says it was read before the day it describes', () => {
    const incoming = { version: 1, generatedAt: '2026-09-01T00:00:00.000Z', exchanges: { binance: { onchain: onchain(200, '2026-09-01', { checkedAt: '2026-08-31' }) } } };
    const out = mergeSnapshots({ held, incoming });
    expect(out.ok).toBe(false);
    expect(out.snapshot).toBe(held);
    if (!out.ok) expect(out.reason).toBe('snapshot rejected: exchanges.binance.onchain: figures cannot be read before the day they describe (checkedAt is earlier than asOf)');
  });

  it('merges a valid document block by block', () => {
    const incoming = { version: 1, generatedAt: '2026-09-01T00:00:00.000Z', exchanges: { binance: { por: { ...held.exchanges.binance?.por, asOf: '2026-09-01' } } } };
    const out = mergeSnapshots({ held, incoming });
    expect(out.ok).toBe(true);
    expect(out.snapshot.exchanges.binance?.por?.asOf).toBe('2026-09-01');
    expect(out.snapshot.exchanges.binance?.onchain?.totalUsd).toBe(100);
  });
});

describe("mergeReserves: a report's history and its claim check", () => {
  const por = (asOf: string) => ({ method: 'zk-proof' as const, cadence: 'monthly' as const, liabilitiesIncluded: true, source: 'https://a.example/por', asOf });
  const history = (...dates: string[]) => dates.map((asOf) => ({ source: 'https://a.example/por', asOf, reserveRatios: { BTC: 1.01 } }));
  const check = (asOf: string, claimAsOf: string) => ({
    claimAsOf,
    claimSource: 'https://a.example/por',
    assets: { BTC: { claimed: 10, onchain: 9, difference: -1 } },
    source: 'https://api.llama.fi/protocol/binance-cex',
    asOf,
  });

  it('the history travels with the record that wins, and an older record brings none', () => {
    const withHistory = mergeReserves({ held, incoming: { binance: { por: por('2026-09-01'), porHistory: history('2026-09-01', '2026-08-01') } } }).snapshot;
    expect(withHistory.exchanges.binance!.porHistory!.map((report) => report.asOf)).toEqual(['2026-09-01', '2026-08-01']);
    const older = mergeReserves({ held: withHistory, incoming: { binance: { por: por('2026-07-01'), porHistory: history('2026-07-01') } } });
    expect(older.keptNewer).toContain('binance.por');
    expect(older.snapshot.exchanges.binance!.porHistory!.map((report) => report.asOf)).toEqual(['2026-09-01', '2026-08-01']);
  });

  it('the later on-chain reading of a claim check wins; on the same day, the later claim', () => {
    const first = mergeReserves({ held, incoming: { binance: { porCheck: check('2026-09-02', '2026-09-01') } } }).snapshot;
    const older = mergeReserves({ held: first, incoming: { binance: { porCheck: check('2026-08-30', '2026-10-01') } } });
    expect(older.keptNewer).toContain('binance.porCheck');
    expect(older.snapshot.exchanges.binance!.porCheck!.asOf).toBe('2026-09-02');
    const laterClaim = mergeReserves({ held: first, incoming: { binance: { porCheck: check('2026-09-02', '2026-09-15') } } });
    expect(laterClaim.snapshot.exchanges.binance!.porCheck!.claimAsOf).toBe('2026-09-15');
  });
});
