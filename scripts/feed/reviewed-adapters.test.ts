import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildFeedSnapshot } from '../../lib/feed/build';
import { exchanges } from '../../lib/exchanges/registry';
import { offlineInputs } from './inputs';

/**
 * The reviewed files (data/por) against the adapters' recorded answers (tests/fixtures/por): a
 * reviewed file is what users see whenever its adapter fails and no earlier feed is held, so it
 * must carry the newest fact the recording does, with the same figures, never an older one.
 */

const inputs = offlineInputs();
const FIGURES = ['reserveRatios', 'totalReserveRatio', 'customerLiabilities', 'reserves'] as const;

describe('reviewed files and the recorded adapter answers', () => {
  const recorded = Object.entries(inputs.adapters).flatMap(([id, outcome]) => (outcome.ok ? [{ id, reports: outcome.reports }] : []));

  it('has a recorded answer to compare for at least one adapter', () => {
    expect(recorded.map(({ id }) => id)).toContain('binance');
  });

  it("each reviewed file's newest report is not older than its adapter's recorded report", () => {
    const behind = recorded.flatMap(({ id, reports }) => {
      const file = inputs.reviewed.find((candidate) => candidate.exchange === id);
      const newestRecorded = reports
        .map((report) => report.asOf)
        .sort()
        .at(-1)!;
      const newestReviewed = file?.reports[0]?.asOf;
      return newestReviewed !== undefined && newestReviewed >= newestRecorded ? [] : [`${id}: data/por says ${newestReviewed ?? 'nothing'}, the recorded answer ${newestRecorded}`];
    });
    expect(behind).toEqual([]);
  });

  it('a day in both gives the same figures', () => {
    const differ: string[] = [];
    for (const { id, reports } of recorded) {
      const file = inputs.reviewed.find((candidate) => candidate.exchange === id);
      for (const report of reports) {
        const same = file?.reports.find((candidate) => candidate.asOf === report.asOf);
        if (same === undefined) continue;
        for (const key of FIGURES) if (!isDeepStrictEqual(same[key], report[key])) differ.push(`${id} ${report.asOf} ${key}`);
      }
    }
    expect(differ).toEqual([]);
  });
});

describe("what users see of Binance's proof of reserves", () => {
  const reviewed = inputs.reviewed.filter((file) => file.exchange === 'binance');
  const now = new Date('2026-12-07T12:00:00.000Z');

  it("with the adapter's answer: the recorded 1 Apr 2026 report, its hash, and the reviewed note", () => {
    const { snapshot, report } = buildFeedSnapshot({ exchanges, reviewed, adapters: { binance: inputs.adapters.binance! }, now });
    const por = snapshot.exchanges.binance?.por;
    expect(report.exchanges.binance?.por).toBe('adapter');
    expect(por).toMatchObject({ asOf: '2026-04-01', reserveRatios: { BTC: 1.000299 }, source: 'https://www.binance.com/en/proof-of-reserves' });
    expect(por?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(por?.note).toMatch(/1 Apr 2026/);
  });

  it('when the adapter fails and no feed is held: the same report from the reviewed file, not the 2022 Mazars figure', () => {
    const { snapshot, report } = buildFeedSnapshot({ exchanges, reviewed, adapters: { binance: { ok: false, reason: 'HTTP 403' } }, now });
    const por = snapshot.exchanges.binance?.por;
    expect(report.exchanges.binance?.por).toBe('reviewed');
    expect(por).toMatchObject({ asOf: '2026-04-01', reserveRatios: { BTC: 1.000299 }, customerLiabilities: { BTC: 618951.27130074 } });
    expect(por?.note).not.toMatch(/Mazars/);
    // The older report stays in the history, marked as history where its note is read.
    const mazars = reviewed[0]!.reports.find((entry) => entry.asOf === '2022-11-22');
    expect(mazars?.note).toMatch(/A historical figure, not Binance's current one/);
    expect(snapshot.exchanges.binance?.porHistory?.map((entry) => entry.asOf)).toEqual(['2026-04-01', '2022-11-22']);
  });
});
