import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateRun, type RunLevel } from './run-signals';

/**
 * The run watch never reads a worse situation as a better one: with everything else held, a
 * larger net outflow (24 hours or 7 days) or a deeper fall of the own token never lowers the
 * level. Checked by hand while writing: refusing an outflow larger than what is left (as "not
 * believable") breaks both flow properties with a counterexample, and measuring the own token
 * from its oldest price instead of its newest makes the coverage test fail.
 */

const NOW = new Date('2026-12-05T12:00:00Z');
const RANK: Readonly<Record<RunLevel, number>> = { calm: 0, caution: 1, alert: 2 };
const CEXS = 'https://api.llama.fi/cexs';
const CHART = 'https://coins.llama.fi/chart/coingecko:binancecoin?span=8&period=1d';
const iso = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

// Outflows as a multiple of the assets left (negative: money came in), so every line is crossed;
// prices as multiples of one, so the own token is sometimes calm, sometimes a quarter down, sometimes crashed.
// Drawn as whole hundredths: fast-check's doubles crowd at zero and the bounds, which would
// leave the lines between untested.
const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);
const outflowRatio = fc.option(hundredths(-0.5, 1.5), { nil: undefined, freq: 4 });
const multiple = hundredths(0.2, 1.5);

const input = fc.record({
  totalUsd: fc.integer({ min: 1, max: 100_000 }).map((n) => n * 1e6),
  out24h: outflowRatio,
  out7d: outflowRatio,
  flowsAgeHours: hundredths(0, 10),
  history: fc.array(hundredths(0.8, 1.5), { minLength: 1, maxLength: 7 }),
  latest: multiple,
  danger: fc.boolean(),
});
interface Input {
  totalUsd: number;
  out24h: number | undefined;
  out7d: number | undefined;
  flowsAgeHours: number;
  history: number[];
  latest: number;
  danger: boolean;
}

function level(value: Input): RunLevel {
  const observedAt = iso(value.flowsAgeHours);
  const asOf = observedAt.slice(0, 10);
  // Daily points going back from yesterday, then the newest price an hour ago.
  const points = [...value.history.map((usd, index) => ({ at: iso(24 * (value.history.length - index)), usd })), { at: iso(1), usd: value.latest }];
  return evaluateRun({
    exchange: { ownTokens: ['BNB'] },
    reserves: {
      onchain: { totalUsd: value.totalUsd, source: CEXS, asOf, observedAt },
      flows: {
        ...(value.out24h === undefined ? {} : { net24hUsd: -value.out24h * value.totalUsd }),
        ...(value.out7d === undefined ? {} : { net7dUsd: -value.out7d * value.totalUsd }),
        source: CEXS,
        asOf,
        observedAt,
      },
    },
    prices: { BNB: { symbol: 'BNB', source: CHART, points } },
    warnings: value.danger ? [{ severity: 'danger', title: 'Halt', listName: 'List', sources: ['https://example.org/'], published: iso(2) }] : [],
    now: NOW,
  }).level;
}

describe('run watch monotonicity', () => {
  test('a larger net outflow over 24 hours never lowers the level', () => {
    fc.assert(
      fc.property(input, hundredths(0, 2), (value, more) => {
        const base: Input = value;
        if (base.out24h === undefined) return true;
        return RANK[level({ ...base, out24h: base.out24h + more })] >= RANK[level(base)];
      }),
      { numRuns: 500 },
    );
  });

  test('a larger net outflow over 7 days never lowers the level', () => {
    fc.assert(
      fc.property(input, hundredths(0, 2), (value, more) => {
        const base: Input = value;
        if (base.out7d === undefined) return true;
        return RANK[level({ ...base, out7d: base.out7d + more })] >= RANK[level(base)];
      }),
      { numRuns: 500 },
    );
  });

  test('a deeper fall of the own token never lowers the level', () => {
    fc.assert(
      fc.property(input, hundredths(0, 1), (value, keep) => {
        const base: Input = value;
        const lower = Math.max(1e-9, base.latest * keep);
        return RANK[level({ ...base, latest: lower })] >= RANK[level(base)];
      }),
      { numRuns: 500 },
    );
  });

  test('without a warning list entry, the generators reach every level often, so the properties are not vacuous', () => {
    const samples = fc.sample(input, 3000).filter((value) => !value.danger);
    const counts = { calm: 0, caution: 0, alert: 0 };
    for (const value of samples) counts[level(value)] += 1;
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(samples.length / 20);
  });
});
