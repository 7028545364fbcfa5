import { describe, expect, it } from 'vitest';
import { exchanges } from '../exchanges/registry';
import { parseSnapshot } from '../reserves/snapshot';
import type { AdapterReport } from './adapters/types';
import { buildFeedSnapshot, type AdapterOutcome } from './build';
import { LIABILITY_JUMP_FACTOR, RATIO_JUMP_LIMIT } from './checks';
import type { ReviewedFile } from './reviewed';

const now = new Date('2026-12-04T06:00:00.000Z');
const PAGE = 'https://www.binance.com/en/proof-of-reserves';

const reviewed = (patch: Partial<ReviewedFile> = {}): ReviewedFile => ({
  exchange: 'binance',
  method: 'zk-proof',
  cadence: 'monthly',
  checked: '2026-10-02',
  reports: [
    { asOf: '2026-10-01', source: 'https://www.binance.com/en/support/announcement/oct', reserveRatios: { BTC: 1.02 }, customerLiabilities: { BTC: 600_000 } },
    { asOf: '2026-09-01', source: 'https://www.binance.com/en/support/announcement/sep', reserveRatios: { BTC: 1.03 }, customerLiabilities: { BTC: 590_000 } },
  ],
  ...patch,
});

const report = (asOf: string, patch: Partial<AdapterReport> = {}): AdapterReport => ({
  asOf,
  source: PAGE,
  reserveRatios: { BTC: 1.01 },
  customerLiabilities: { BTC: 610_000 },
  reserves: { BTC: 616_100 },
  fetchedAt: '2026-12-03T05:00:00.000Z',
  sha256: 'a'.repeat(64),
  ...patch,
});

const adapter = (...reports: AdapterReport[]): AdapterOutcome => ({ ok: true, reports, fetchedAt: '2026-12-03T05:00:00.000Z', url: PAGE });

function build(params: Partial<Parameters<typeof buildFeedSnapshot>[0]> = {}) {
  const result = buildFeedSnapshot({ exchanges, reviewed: [reviewed()], now, ...params });
  const parsed = parseSnapshot(result.snapshot);
  expect(parsed.ok ? 'valid' : parsed.reason).toBe('valid');
  return result;
}

describe('buildFeedSnapshot', () => {
  it('publishes the newest reviewed report, dated by the review, with the history behind it', () => {
    const { snapshot, report: lines } = build();
    const binance = snapshot.exchanges.binance!;
    expect(binance.por).toMatchObject({ method: 'zk-proof', asOf: '2026-10-01', checkedAt: '2026-10-02', reserveRatios: { BTC: 1.02 }, liabilitiesIncluded: true });
    expect(binance.porHistory!.map((entry) => entry.asOf)).toEqual(['2026-10-01', '2026-09-01']);
    expect(lines.exchanges.binance).toMatchObject({ por: 'reviewed', latest: '2026-10-01' });
    expect(snapshot.generatedAt).toBe(now.toISOString());
  });

  it("takes the adapter's newer report, with the hash of the answer and the day it was read", () => {
    const { snapshot, report: lines } = build({ adapters: { binance: adapter(report('2026-11-01')) } });
    expect(snapshot.exchanges.binance!.por).toMatchObject({ asOf: '2026-11-01', checkedAt: '2026-12-03', sha256: 'a'.repeat(64), fetchedAt: '2026-12-03T05:00:00.000Z' });
    expect(snapshot.exchanges.binance!.porHistory!.map((entry) => entry.asOf)).toEqual(['2026-11-01', '2026-10-01', '2026-09-01']);
    expect(lines.exchanges.binance!.por).toBe('adapter');
  });

  it('keeps the last good record when the adapter fails, and the other exchanges go on', () => {
    const previous = build({ adapters: { binance: adapter(report('2026-11-01')) } }).snapshot;
    const kraken: ReviewedFile = {
      exchange: 'kraken',
      method: 'merkle-liabilities',
      cadence: 'quarterly',
      checked: '2026-11-20',
      reports: [{ asOf: '2026-09-30', source: 'https://www.kraken.com/proof-of-reserves', reserveRatios: { BTC: 1.01 } }],
    };
    const { snapshot, report: lines } = build({ previous, reviewed: [reviewed(), kraken], adapters: { binance: { ok: false, reason: 'www.binance.com answered HTTP 403' } } });
    expect(snapshot.exchanges.binance!.por).toMatchObject({ asOf: '2026-11-01', checkedAt: '2026-12-03' });
    expect(lines.failedAdapters).toEqual(['binance']);
    expect(lines.exchanges.binance!.notes.join(' ')).toMatch(/403/);
    expect(snapshot.exchanges.kraken!.por).toMatchObject({ asOf: '2026-09-30', checkedAt: '2026-11-20' });
  });

  it('holds a report whose ratio disagrees with its own amounts; the previous record stays', () => {
    const { snapshot, report: lines } = build({ adapters: { binance: adapter(report('2026-11-01', { reserveRatios: { BTC: 1.2 } })) } });
    expect(snapshot.exchanges.binance!.por!.asOf).toBe('2026-10-01');
    expect(lines.held).toBe(1);
    expect(lines.exchanges.binance!.notes.join(' ')).toMatch(/BTC ratio 120 % disagrees with reserves ÷ liabilities = 101 %/);
    // The exchange did publish: the held read does not count as a check that would blame it.
    expect(snapshot.exchanges.binance!.por!.checkedAt).toBe('2026-10-02');
  });

  it(`holds a ratio jump beyond ${RATIO_JUMP_LIMIT * 100} points, and a liability change beyond ×${LIABILITY_JUMP_FACTOR}`, () => {
    const ratioJump = build({ adapters: { binance: adapter(report('2026-11-01', { reserveRatios: { BTC: 1.6 }, reserves: { BTC: 976_000 } })) } });
    expect(ratioJump.snapshot.exchanges.binance!.por!.asOf).toBe('2026-10-01');
    expect(ratioJump.report.exchanges.binance!.notes.join(' ')).toMatch(/held the report of 2026-11-01 for review: the BTC ratio moved/);
    const liabilityJump = build({ adapters: { binance: adapter(report('2026-11-01', { customerLiabilities: { BTC: 250_000 }, reserves: { BTC: 252_500 } })) } });
    expect(liabilityJump.snapshot.exchanges.binance!.por!.asOf).toBe('2026-10-01');
    expect(liabilityJump.report.exchanges.binance!.notes.join(' ')).toMatch(/liabilities went from 600000 to 250000/);
    // A person's reviewed copy of the same report vouches for it: nothing is held.
    const vouched = build({
      reviewed: [reviewed({ checked: '2026-11-02', reports: [{ asOf: '2026-11-01', source: PAGE, reserveRatios: { BTC: 1.01 }, customerLiabilities: { BTC: 250_000 } }, ...reviewed().reports] })],
      adapters: { binance: adapter(report('2026-11-01', { customerLiabilities: { BTC: 250_000 }, reserves: { BTC: 252_500 } })) },
    });
    expect(vouched.snapshot.exchanges.binance!.por).toMatchObject({ asOf: '2026-11-01', sha256: 'a'.repeat(64) });
  });

  it('never moves backwards: an older report served later does not replace the newer one held', () => {
    const previous = build({ adapters: { binance: adapter(report('2026-11-01')) } }).snapshot;
    const { snapshot, report: lines } = build({ previous, adapters: { binance: adapter(report('2026-08-01')) } });
    expect(snapshot.exchanges.binance!.por!.asOf).toBe('2026-11-01');
    expect(lines.exchanges.binance!.notes.join(' ')).toMatch(/served 2026-08-01, older than the report already held \(2026-11-01\)/);
  });

  it('keeps the twelve newest reports, newest first', () => {
    // Fourteen monthly builds, 2025-01 … 2026-02, each with that month's report only.
    const months = Array.from({ length: 14 }, (_, index) => new Date(Date.UTC(2025, index, 1)).toISOString().slice(0, 10));
    let previous;
    for (const asOf of months) {
      previous = build({ previous, reviewed: [reviewed({ checked: '2026-11-01', reports: [{ asOf, source: PAGE, reserveRatios: { BTC: 1.01 } }] })] }).snapshot;
    }
    const history = previous!.exchanges.binance!.porHistory!;
    expect(history).toHaveLength(12);
    expect(history[0]!.asOf).toBe('2026-02-01');
    expect(history.at(-1)!.asOf).toBe('2025-03-01');
  });

  it('an exchange without proof of reserves gets its sourced "none" and no history', () => {
    const file: ReviewedFile = {
      exchange: 'coinbase',
      method: 'none',
      cadence: 'quarterly',
      checked: '2026-02-12',
      reports: [
        {
          asOf: '2025-12-31',
          source: 'https://www.sec.gov/example-10-k',
          note: 'Audited financial statements; no proof of reserves.',
          provenance: 'Read in the stored copy of the 10-K, accession 0000000000-00-000000.',
        },
      ],
    };
    const { snapshot } = build({ reviewed: [file] });
    // How the report was found is for maintainers: it never reaches the feed (or a user).
    expect(JSON.stringify(snapshot)).not.toContain('accession');
    expect(snapshot.exchanges.coinbase!.por).toMatchObject({ method: 'none', liabilitiesIncluded: false, note: 'Audited financial statements; no proof of reserves.' });
    expect(snapshot.exchanges.coinbase!.porHistory).toBeUndefined();
    // No report, so no balances were taken: the date is only the period we looked at.
    expect(snapshot.exchanges.coinbase!.por).not.toHaveProperty('snapshotDate');
  });

  it('sets the claimed reserves beside the coins DefiLlama counts in the published wallets', () => {
    const onchain = {
      binance: {
        onchain: {
          totalUsd: 1e11,
          cleanUsd: 9e10,
          source: 'https://api.llama.fi/cexs',
          asOf: '2026-12-03',
          tokenAmounts: {
            source: 'https://api.llama.fi/protocol/binance-cex',
            asOf: '2026-12-03',
            chains: { Bitcoin: { at: '2026-12-03T00:00:00.000Z', amounts: { BTC: 600_000 } }, BSC: { at: '2026-12-03T00:00:00.000Z', amounts: { BTCB: 1 } } },
          },
        },
      },
    };
    const { snapshot } = build({ adapters: { binance: adapter(report('2026-11-01')) }, onchain });
    expect(snapshot.exchanges.binance!.porCheck).toEqual({
      claimAsOf: '2026-11-01',
      claimSource: PAGE,
      assets: { BTC: { claimed: 616_100, onchain: 600_000, difference: -16_100 } },
      source: 'https://api.llama.fi/protocol/binance-cex',
      asOf: '2026-12-03',
    });
  });
});
