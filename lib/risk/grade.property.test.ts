import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Incident } from '../exchanges/types';
import type { Flows, PorAttestation } from '../reserves/schema';
import type { RiskOnchainAssets } from './concentration';
import { gradeExchange, type GradeExchangeParameters, type RiskReserves } from './grade';
import { compareVerdicts, verdictRank } from './order';

/**
 * The monotonicity promises of docs/risk-model.md ("Comparing verdicts"). "Improve" means a
 * higher verdictRank: ok A > ok B > caution C > caution D > danger F = every incomplete verdict
 * (caution·incomplete, danger·incomplete, unknown ?).
 */

const NOW = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400_000;
const isoDaysBefore = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString().slice(0, 10);

const symbols = ['BTC', 'ETH', 'USDT', 'USDC', 'XT', 'AF', 'SHIB', 'SOL'] as const;
const TYPICAL: ReadonlyArray<readonly [string, number]> = [
  ['BTC', 0.4],
  ['USDT', 0.25],
  ['ETH', 0.2],
  ['USDC', 0.05],
  ['XT', 0.04],
  ['AF', 0.03],
  ['SOL', 0.03],
];

const porArb: fc.Arbitrary<PorAttestation> = fc
  .record({
    method: fc.constantFrom('zk-proof', 'merkle-liabilities', 'merkle-liabilities', 'merkle-liabilities', 'auditor-attestation', 'wallet-list', 'none'),
    cadence: fc.constantFrom('daily', 'weekly', 'monthly', 'monthly', 'monthly', 'quarterly', 'irregular', 'unknown'),
    liabilitiesIncluded: fc.boolean(),
    reserveRatios: fc.option(
      fc.dictionary(
        fc.constantFrom('BTC', 'ETH', 'USDT', 'USDC', 'SOL', 'DOGE'),
        fc.oneof({ weight: 6, arbitrary: fc.double({ min: 1, max: 1.3, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: 0.85, max: 1.3, noNaN: true }) }),
        { minKeys: 3, maxKeys: 6 },
      ),
      { nil: undefined, freq: 8 },
    ),
    ageDays: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) }),
    // When we last confirmed it was the newest report, in days after its own date (capped at today).
    checkedAfterDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined, freq: 2 }),
  })
  .map(({ reserveRatios, ageDays, checkedAfterDays, ...rest }) => ({
    ...rest,
    source: 'https://x.example/por',
    asOf: isoDaysBefore(ageDays),
    ...(checkedAfterDays === undefined ? {} : { checkedAt: isoDaysBefore(Math.max(0, ageDays - checkedAfterDays)) }),
    ...(reserveRatios === undefined ? {} : { reserveRatios }),
  }));

const onchainArb: fc.Arbitrary<RiskOnchainAssets> = fc
  .record({
    totalUsd: fc.double({ min: 1e9, max: 1e11, noNaN: true }),
    ownFraction: fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 0.12, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
    tokens: fc.option(
      fc.oneof(
        // A typical book (BTC, USDT, ETH leading) with jitter, or any mix at all.
        {
          weight: 3,
          arbitrary: fc
            .tuple(...TYPICAL.map(([, weight]) => fc.double({ min: weight * 0.5, max: weight * 1.5, noNaN: true })))
            .map((weights) => TYPICAL.map(([symbol], index) => ({ symbol, weight: weights[index] ?? 0 }))),
        },
        {
          weight: 1,
          arbitrary: fc.uniqueArray(fc.record({ symbol: fc.constantFrom(...symbols), weight: fc.double({ min: 0, max: 1, noNaN: true }) }), { selector: (token) => token.symbol, maxLength: 8 }),
        },
      ),
      { nil: undefined, freq: 6 },
    ),
    listedFraction: fc.double({ min: 0.5, max: 1, noNaN: true }),
    leverage: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }),
    age: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) }),
  })
  .map(({ totalUsd, ownFraction, tokens, listedFraction, leverage, age }) => {
    const weights = (tokens ?? []).reduce((sum, token) => sum + token.weight, 0) || 1;
    const topTokens = tokens?.map(({ symbol, weight }) => ({ symbol, usd: (totalUsd * listedFraction * weight) / weights }));
    return {
      totalUsd,
      cleanUsd: totalUsd * (1 - ownFraction),
      ...(topTokens === undefined ? {} : { topTokens }),
      ...(leverage === undefined ? {} : { leverage }),
      source: 'https://x.example/onchain',
      asOf: isoDaysBefore(age),
    };
  });

const flowsArb: fc.Arbitrary<Flows> = fc.record(
  {
    net7dUsd: fc.double({ min: -5e9, max: 5e9, noNaN: true }),
    net30dUsd: fc.double({ min: -1e10, max: 1e10, noNaN: true }),
    source: fc.constant('https://x.example/flows'),
    asOf: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) }).map(isoDaysBefore),
  },
  { requiredKeys: ['source', 'asOf'] },
);

const incidentArb: fc.Arbitrary<Incident> = fc.record({
  kind: fc.constantFrom('hack', 'withdrawal-halt', 'insolvency', 'regulatory'),
  date: fc.integer({ min: -30, max: 500 }).map(isoDaysBefore),
  summary: fc.constant('incident'),
  source: fc.constant('https://x.example/incident'),
});

const exchangeArb: fc.Arbitrary<GradeExchangeParameters['exchange']> = fc.record(
  {
    id: fc.constant('x'),
    name: fc.constant('X'),
    ownTokens: fc.constant(['XT']),
    affiliatedTokens: fc.constant(['AF']),
    status: fc.oneof(
      { weight: 19, arbitrary: fc.constant({ kind: 'operating' as const, checkedOn: '2026-12-04' }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'collapsed' as const, checkedOn: '2026-12-04', date: '2024-01-01', history: 'Gone.', source: 'https://x.example/gone' }) },
    ),
    incidents: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(incidentArb, { maxLength: 2 }) }),
  },
  // Affiliated tokens are absent or present; the other keys always are.
  { requiredKeys: ['id', 'name', 'ownTokens', 'status', 'incidents'] },
);

// Blocks are present most of the time so that ok verdicts, the interesting starting point, occur.
const reservesArb: fc.Arbitrary<RiskReserves> = fc.record({
  por: fc.option(porArb, { nil: undefined, freq: 6 }),
  onchain: fc.option(onchainArb, { nil: undefined, freq: 6 }),
  flows: fc.option(flowsArb, { nil: undefined, freq: 6 }),
});

const caseArb = fc.record({ exchange: exchangeArb, reserves: reservesArb });
const grade = (exchange: GradeExchangeParameters['exchange'], reserves: RiskReserves) => gradeExchange({ exchange, reserves, now: NOW });
const RUNS = { numRuns: 600 };

/** Every figure the model reads, as a function that removes it (or undefined when it is not there to remove). */
const removals: Record<string, (reserves: RiskReserves) => RiskReserves | undefined> = {
  por: ({ por, ...rest }) => (por === undefined ? undefined : rest),
  onchain: ({ onchain, ...rest }) => (onchain === undefined ? undefined : rest),
  flows: ({ flows, ...rest }) => (flows === undefined ? undefined : rest),
  'por.reserveRatios': (reserves) => {
    if (reserves.por?.reserveRatios === undefined) return undefined;
    const { reserveRatios: _, ...por } = reserves.por;
    return { ...reserves, por };
  },
  'onchain.cleanUsd': (reserves) => {
    if (reserves.onchain?.cleanUsd === undefined) return undefined;
    const { cleanUsd: _, ...onchain } = reserves.onchain;
    return { ...reserves, onchain };
  },
  'onchain.topTokens': (reserves) => {
    if (reserves.onchain?.topTokens === undefined) return undefined;
    const { topTokens: _, ...onchain } = reserves.onchain;
    return { ...reserves, onchain };
  },
  'onchain.leverage': (reserves) => {
    if (reserves.onchain?.leverage === undefined) return undefined;
    const { leverage: _, ...onchain } = reserves.onchain;
    return { ...reserves, onchain };
  },
  'flows.net7dUsd': (reserves) => {
    if (reserves.flows?.net7dUsd === undefined) return undefined;
    const { net7dUsd: _, ...flows } = reserves.flows;
    return { ...reserves, flows };
  },
  'flows.net30dUsd': (reserves) => {
    if (reserves.flows?.net30dUsd === undefined) return undefined;
    const { net30dUsd: _, ...flows } = reserves.flows;
    return { ...reserves, flows };
  },
};

describe('verdict order', () => {
  test('unknown never ranks above caution, and ties with danger', () => {
    expect(verdictRank({ level: 'unknown', grade: '?', incomplete: true })).toBeLessThan(verdictRank({ level: 'caution', grade: 'D', incomplete: false }));
    expect(compareVerdicts({ level: 'unknown', grade: '?', incomplete: true }, { level: 'danger', grade: 'F', incomplete: false })).toBe(0);
    expect(verdictRank({ level: 'ok', grade: 'B', incomplete: false })).toBeGreaterThan(verdictRank({ level: 'caution', grade: 'C', incomplete: false }));
  });

  test('an incomplete verdict vouches for nothing: it never outranks a complete one, whatever its level', () => {
    const complete = [
      { level: 'ok', grade: 'A' },
      { level: 'ok', grade: 'B' },
      { level: 'caution', grade: 'C' },
      { level: 'caution', grade: 'D' },
      { level: 'danger', grade: 'F' },
    ] as const;
    const incomplete = [
      { level: 'caution', grade: 'C', incomplete: true },
      { level: 'caution', grade: 'D', incomplete: true },
      { level: 'danger', grade: 'F', incomplete: true },
      { level: 'unknown', grade: '?', incomplete: true },
      // A verdict stored before the flag existed: unknown was its only way to say "incomplete".
      { level: 'unknown', grade: '?' },
    ] as const;
    for (const a of incomplete) {
      for (const b of complete) expect(compareVerdicts(a, { ...b, incomplete: false }), `${a.level}/${a.grade} vs ${b.level}/${b.grade}`).toBeLessThanOrEqual(0);
      for (const b of incomplete) expect(compareVerdicts(a, b)).toBe(0);
    }
    expect(compareVerdicts({ level: 'caution', grade: 'C', incomplete: true }, { level: 'caution', grade: 'C', incomplete: false })).toBeLessThan(0);
  });

  test('the generators reach every level, so the properties below are not vacuous', () => {
    const levels = new Set(fc.sample(caseArb, { numRuns: 2000, seed: 7 }).map(({ exchange, reserves }) => grade(exchange, reserves).level));
    expect([...levels].sort()).toEqual(['caution', 'danger', 'ok', 'unknown']);
    const grades = fc.sample(caseArb, { numRuns: 2000, seed: 7 }).map(({ exchange, reserves }) => grade(exchange, reserves).grade);
    // Enough ok verdicts that "removing a figure" is tested from the top, where a wrong rule would show.
    expect(grades.filter((value) => value === 'A' || value === 'B').length).toBeGreaterThan(100);
    // Incomplete verdicts at every level they can take, and both kinds of stale report.
    const verdicts = fc.sample(caseArb, { numRuns: 2000, seed: 7 }).map(({ exchange, reserves }) => grade(exchange, reserves));
    const incompleteLevels = new Set(verdicts.filter((verdict) => verdict.incomplete).map((verdict) => verdict.level));
    expect([...incompleteLevels].sort()).toEqual(['caution', 'danger', 'unknown']);
    const staleness = new Set(
      verdicts.flatMap((verdict) =>
        verdict.reasons.filter((reason) => reason.metric === 'por.checked' || (reason.metric === 'por.age-days' && reason.effect === 'caution')).map((reason) => reason.metric),
      ),
    );
    expect([...staleness].sort()).toEqual(['por.age-days', 'por.checked']);
  });
});

describe('monotonicity', () => {
  test('more own-token share never improves the verdict', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ exchange, reserves }, cut) => {
        const onchain = reserves.onchain;
        fc.pre(onchain?.cleanUsd !== undefined);
        const more = { ...reserves, onchain: { ...onchain, cleanUsd: (onchain.cleanUsd ?? 0) * cut } };
        expect(compareVerdicts(grade(exchange, more), grade(exchange, reserves))).toBeLessThanOrEqual(0);
      }),
      RUNS,
    );
  });

  test('a higher reserve ratio never worsens the verdict', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.double({ min: 0, max: 0.5, noNaN: true }), ({ exchange, reserves }, pick, raise) => {
        const ratios = reserves.por?.reserveRatios;
        fc.pre(reserves.por !== undefined && ratios !== undefined && Object.keys(ratios).length > 0);
        const keys = Object.keys(ratios ?? {});
        const key = keys[pick % keys.length] as string;
        const higher = { ...reserves, por: { ...reserves.por!, reserveRatios: { ...ratios, [key]: (ratios?.[key] ?? 0) + raise } } };
        expect(compareVerdicts(grade(exchange, higher), grade(exchange, reserves))).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  test('removing a figure never yields an ok, A or B that was not there, and leaves the verdict incomplete or no better', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...Object.keys(removals)), ({ exchange, reserves }, figure) => {
        const fewer = removals[figure]!(reserves);
        fc.pre(fewer !== undefined);
        const before = grade(exchange, reserves);
        const after = grade(exchange, fewer!);
        const change = `removing ${figure}: ${before.level}/${before.grade}${before.incomplete ? '·incomplete' : ''} → ${after.level}/${after.grade}${after.incomplete ? '·incomplete' : ''}`;
        // ok is reachable after a removal only from ok, and never with a better grade (removing leverage changes nothing).
        if (after.level === 'ok') {
          expect(before.level, change).toBe('ok');
          expect(after.grade === 'A' && before.grade === 'B', change).toBe(false);
        }
        // The level may look better (the figure behind a caution is gone), but then it is marked incomplete.
        expect(after.incomplete || compareVerdicts(after, before) <= 0, change).toBe(true);
        // In the rank, which puts every incomplete verdict at the bottom, that is simply "never better".
        expect(compareVerdicts(after, before), change).toBeLessThanOrEqual(0);
        // A PoR record and on-chain assets are required: without either the verdict is incomplete.
        if (figure === 'por' || figure === 'onchain') expect(after.incomplete, change).toBe(true);
      }),
      RUNS,
    );
  });

  test('an incomplete verdict is never ok, A or B, and is incomplete exactly when a reason is unknown', () => {
    fc.assert(
      fc.property(caseArb, ({ exchange, reserves }) => {
        const verdict = grade(exchange, reserves);
        expect(verdict.incomplete).toBe(verdict.reasons.some((reason) => reason.effect === 'unknown'));
        if (verdict.incomplete) {
          expect(verdict.level).not.toBe('ok');
          expect(['A', 'B']).not.toContain(verdict.grade);
        }
      }),
      RUNS,
    );
  });

  test('larger outflows never improve the verdict', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('net7dUsd', 'net30dUsd'), fc.double({ min: 0, max: 5e10, noNaN: true }), ({ exchange, reserves }, field, extra) => {
        const flows = reserves.flows;
        fc.pre(flows?.[field] !== undefined);
        const worse = { ...reserves, flows: { ...flows!, [field]: (flows![field] ?? 0) - extra } };
        expect(compareVerdicts(grade(exchange, worse), grade(exchange, reserves))).toBeLessThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

describe('grades', () => {
  test('each level has its own grades: ok A or B, caution C or D, danger F, unknown always "?" (the tooltip names no grade for unknown)', () => {
    const grades = { ok: ['A', 'B'], caution: ['C', 'D'], danger: ['F'], unknown: ['?'] };
    fc.assert(
      fc.property(caseArb, ({ exchange, reserves }) => {
        const verdict = grade(exchange, reserves);
        expect(grades[verdict.level]).toContain(verdict.grade);
      }),
      RUNS,
    );
  });
});
