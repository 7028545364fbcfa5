import { describe, expect, test } from 'vitest';
import { evaluateRun, ownTokenFall, type EvaluateRunParameters } from './run-signals';
import { thresholdValue } from './thresholds';

const NOW = new Date('2026-12-05T12:00:00Z');
const CEXS = 'https://api.llama.fi/cexs';
const CHART = 'https://coins.llama.fi/chart/coingecko:binancecoin?span=8&period=1d';

/** A reading at `now` with `totalUsd` left after the given net flows. */
function reading(totalUsd: number, flows: { net24hUsd?: number; net7dUsd?: number }, observedAt = NOW.toISOString()): EvaluateRunParameters['reserves'] {
  return { onchain: { totalUsd, source: CEXS, asOf: observedAt.slice(0, 10), observedAt }, flows: { ...flows, source: CEXS, asOf: observedAt.slice(0, 10), observedAt } };
}

function bnb(points: [number, number][]) {
  // [hours before now, price]
  return { BNB: { symbol: 'BNB', source: CHART, points: points.map(([hours, usd]) => ({ at: new Date(NOW.getTime() - hours * 3_600_000).toISOString(), usd })) } };
}

const binance = { ownTokens: ['BNB'] };

describe('evaluateRun', () => {
  test('shares are of the assets at the start of the window: 15 of 100 left is 15 %', () => {
    const evaluation = evaluateRun({ exchange: binance, reserves: reading(85, { net24hUsd: -15, net7dUsd: -15 }), now: NOW });
    const day = evaluation.reasons.find((reason) => reason.signal === 'outflow-24h');
    expect(day).toMatchObject({ effect: 'alert', value: 0.15, outflowUsd: 15, baseUsd: 100, thresholdId: 'run.outflow-24h.alert', source: CEXS });
    expect(evaluation.level).toBe('alert');
  });

  test('each line in turn: calm below caution, caution from it, alert from the alert line', () => {
    const at = (share: number) =>
      evaluateRun({ exchange: { ownTokens: [] }, reserves: reading(1 - share, { net24hUsd: -share }), now: NOW }).reasons.find((reason) => reason.signal === 'outflow-24h')?.effect;
    expect(at(thresholdValue('run.outflow-24h.caution') - 0.001)).toBe('calm');
    expect(at(thresholdValue('run.outflow-24h.caution'))).toBe('caution');
    expect(at(thresholdValue('run.outflow-24h.alert'))).toBe('alert');
    expect(at(0)).toBe('calm');
  });

  test('inflows are no outflow', () => {
    const evaluation = evaluateRun({ exchange: { ownTokens: [] }, reserves: reading(100, { net24hUsd: 40, net7dUsd: 80 }), now: NOW });
    expect(evaluation.level).toBe('calm');
    expect(evaluation.reasons.every((reason) => reason.value === 0)).toBe(true);
  });

  test('flows older than six hours, or from the future, are missing: never an alert, never a calm', () => {
    const old = new Date(NOW.getTime() - 7 * 3_600_000).toISOString();
    const stale = evaluateRun({ exchange: { ownTokens: [] }, reserves: reading(50, { net24hUsd: -50 }, old), now: NOW });
    expect(stale).toMatchObject({ level: 'calm', incomplete: true });
    expect(stale.reasons.map((reason) => reason.effect)).toEqual(['unknown', 'unknown']);
    const future = new Date(NOW.getTime() + 3 * 3_600_000).toISOString();
    expect(evaluateRun({ exchange: { ownTokens: [] }, reserves: reading(50, { net24hUsd: -50 }, future), now: NOW }).incomplete).toBe(true);
    expect(evaluateRun({ exchange: { ownTokens: [] }, reserves: undefined, now: NOW }).reasons.map((reason) => reason.effect)).toEqual(['unknown', 'unknown']);
  });

  test('an own token far below its 7-day high is an alert alone; a quarter down is caution', () => {
    const deep = evaluateRun({
      exchange: binance,
      reserves: undefined,
      prices: bnb([
        [150, 600],
        [24, 500],
        [1, 200],
      ]),
      now: NOW,
    });
    expect(deep.reasons[0]).toMatchObject({ signal: 'own-token-fall', effect: 'alert', symbol: 'BNB', source: CHART });
    expect(deep.reasons[0]?.value).toBeCloseTo(2 / 3, 6);
    const quarter = evaluateRun({
      exchange: binance,
      reserves: undefined,
      prices: bnb([
        [48, 400],
        [1, 300],
      ]),
      now: NOW,
    });
    expect(quarter.reasons.find((reason) => reason.signal === 'own-token-fall')).toMatchObject({ effect: 'caution', value: 0.25 });
  });

  test('flows at caution while the own token is at caution: an alert, said as both at once', () => {
    const evaluation = evaluateRun({
      exchange: binance,
      reserves: reading(94, { net24hUsd: -6 }),
      prices: bnb([
        [48, 400],
        [1, 290],
      ]),
      now: NOW,
    });
    expect(evaluation.level).toBe('alert');
    expect(evaluation.reasons[0]).toMatchObject({ signal: 'combined', effect: 'alert' });
    const pricesOnly = evaluateRun({
      exchange: binance,
      reserves: reading(100, { net24hUsd: 0 }),
      prices: bnb([
        [48, 400],
        [1, 290],
      ]),
      now: NOW,
    });
    expect(pricesOnly.level).toBe('caution');
  });

  test('a danger entry in a verified list is an alert with its title and list; caution entries are not', () => {
    const warnings = [
      { severity: 'danger' as const, title: 'Withdrawals halted', listName: 'Example list', listLang: 'en-GB', sources: ['https://example.org/halt'], published: '2026-12-05T00:00:00Z' },
      { severity: 'caution' as const, title: 'Regulator order', listName: 'Example list', sources: ['https://example.org/order'], published: '2026-12-04T00:00:00Z' },
    ];
    const evaluation = evaluateRun({ exchange: { ownTokens: [] }, reserves: undefined, warnings, now: NOW });
    expect(evaluation.level).toBe('alert');
    expect(evaluation.reasons.filter((reason) => reason.signal === 'warning-list')).toEqual([
      { signal: 'warning-list', effect: 'alert', title: 'Withdrawals halted', listName: 'Example list', listLang: 'en-GB', source: 'https://example.org/halt', observedAt: '2026-12-05T00:00:00Z' },
    ]);
  });

  test('lists that could not be checked are an unread signal, not "no entry": never an alert, never a calm', () => {
    const evaluation = evaluateRun({ exchange: { ownTokens: [] }, reserves: undefined, warnings: 'unread', now: NOW });
    expect(evaluation.reasons.filter((reason) => reason.signal === 'warning-list')).toEqual([{ signal: 'warning-list', effect: 'unknown' }]);
    expect(evaluation).toMatchObject({ level: 'calm', incomplete: true });
  });
});

describe('ownTokenFall', () => {
  const at = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
  test('needs a fresh newest price and a day of history; a lone point shows no fall and says nothing', () => {
    expect(ownTokenFall({ series: { symbol: 'BNB', source: CHART, points: [{ at: at(1), usd: 1 }] }, now: NOW })).toBeUndefined();
    expect(
      ownTokenFall({
        series: {
          symbol: 'BNB',
          source: CHART,
          points: [
            { at: at(40), usd: 2 },
            { at: at(8), usd: 1 },
          ],
        },
        now: NOW,
      }),
    ).toBeUndefined();
    expect(
      ownTokenFall({
        series: {
          symbol: 'BNB',
          source: CHART,
          points: [
            { at: at(40), usd: 2 },
            { at: at(2), usd: 1 },
          ],
        },
        now: NOW,
      }),
    ).toMatchObject({ fall: 0.5, high: 2, latest: 1 });
  });

  test('only the last seven days count toward the high', () => {
    const points = [
      { at: at(24 * 9), usd: 100 },
      { at: at(24 * 6), usd: 10 },
      { at: at(1), usd: 9 },
    ];
    expect(ownTokenFall({ series: { symbol: 'BNB', source: CHART, points }, now: NOW })?.fall).toBeCloseTo(0.1, 6);
  });
});
