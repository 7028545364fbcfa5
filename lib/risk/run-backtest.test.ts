import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { backtestTable, replayEpisode, RUN_EPISODES, summarizeBacktest } from './run-episodes';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/risk-model.md'), 'utf8');
const episode = (id: string) => {
  const found = RUN_EPISODES.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no episode ${id}`);
  return replayEpisode(found);
};

describe('run alert backtest', () => {
  test('FTX: an alert before withdrawals stopped, one episode for all three readings', () => {
    const ftx = episode('ftx-2022-11');
    expect(ftx.firstAlertAt).toBe('2022-11-07T06:00:00Z');
    expect(ftx.leadHours).toBeGreaterThan(24);
    expect(ftx.alerts).toBe(1);
    expect(ftx.readings[0]?.evaluation.reasons[0]).toMatchObject({ signal: 'outflow-24h', effect: 'alert' });
    // After the halt the token's crash alone would have said it too.
    expect(ftx.readings[2]?.evaluation.reasons[0]).toMatchObject({ signal: 'own-token-fall', effect: 'alert', symbol: 'FTT' });
  });

  test("Binance's worst week of December 2022 is a caution, not an alert", () => {
    const binance = episode('binance-2022-12');
    expect(binance.peak).toBe('caution');
    expect(binance.alerts).toBe(0);
    const week = binance.readings[1]?.evaluation.reasons.find((reason) => reason.signal === 'outflow-7d');
    expect(week?.value).toBeCloseTo(3.660311347 / (60.4 + 3.660311347), 6);
  });

  test("Crypto.com's halving CRO is a caution; Huobi in August 2023 and the recorded /cexs rows are calm", () => {
    expect(episode('crypto-com-2022-11')).toMatchObject({ peak: 'caution', alerts: 0 });
    expect(episode('huobi-2023-08')).toMatchObject({ peak: 'calm', alerts: 0 });
    expect(episode('cexs-2026-08-10')).toMatchObject({ peak: 'calm', alerts: 0 });
  });

  test('every figure names an https source, and every reading says what it rests on', () => {
    for (const { readings, halt } of RUN_EPISODES) {
      if (halt !== undefined) expect(halt.source).toMatch(/^https:\/\//);
      for (const reading of readings) {
        expect(reading.note.length).toBeGreaterThan(20);
        if (reading.totalUsd !== undefined || reading.flows !== undefined) expect(reading.source).toMatch(/^https:\/\//);
        for (const series of Object.values(reading.prices ?? {})) expect(series.source).toMatch(/^https:\/\//);
      }
    }
  });

  test('docs/risk-model.md carries the table and the false-alarm count the replay gives', () => {
    expect(DOC).toContain(backtestTable());
    const summary = summarizeBacktest();
    expect(summary).toEqual({ episodes: 5, readings: 8, alerts: 1, timely: 1, falseAlarms: 0, missed: 0 });
    expect(DOC).toContain(
      `${summary.alerts} alert in ${summary.readings} readings of ${summary.episodes} episodes: ${summary.timely} before a halt, ${summary.falseAlarms} false alarms, ${summary.missed} halts missed`,
    );
  });
});
