import { describe, expect, test } from 'vitest';
import { gradeExchange } from './grade';
import { exchange, healthy, por } from './grade.testkit';

// `por` is a monthly report; these records take the cadences of the bundled Bybit and WhiteBIT files.
const reviewDay = new Date('2026-12-07T12:00:00Z');
const gradeOn = (record: typeof por) => gradeExchange({ exchange, reserves: { ...healthy, por: record }, now: reviewDay });

describe('porReasons: our check judged by our re-check policy, whatever the cadence', () => {
  test('an irregular report within its cadence, last checked 194 days ago (Bybit): "not checked since", ours, citing our policy', () => {
    const verdict = gradeOn({ ...por, cadence: 'irregular', asOf: '2026-05-27', checkedAt: '2026-05-27' });
    const reason = verdict.reasons.find((item) => item.metric === 'por.checked');
    expect(reason).toMatchObject({ code: 'por.unchecked', effect: 'unknown', value: '2026-05-27', threshold: 92, thresholdId: 'por.recheck-days' });
    expect(reason?.params).toMatchObject({ checkedAt: '2026-05-27', describes: '2026-05-27', cadence: 'irregular' });
    expect(verdict.reasons.some((item) => item.metric === 'por.age-days')).toBe(false);
    expect(verdict.incomplete).toBe(true);
  });

  test('a monthly report fresh when we checked 63 days ago (OKX): ours, citing the cadence that made it stale', () => {
    const verdict = gradeOn({ ...por, cadence: 'monthly', asOf: '2026-09-08', checkedAt: '2026-10-05' });
    expect(verdict.reasons.find((item) => item.metric === 'por.checked')).toMatchObject({ code: 'por.unchecked', value: '2026-10-05', threshold: 62, thresholdId: 'por.stale.cadences' });
  });

  test('overdue when we checked 126 days ago (WhiteBIT, unknown cadence): too old to blame the exchange today, so ours', () => {
    const verdict = gradeOn({ ...por, cadence: 'unknown', asOf: '2024-11-30', checkedAt: '2026-08-03' });
    expect(verdict.reasons.find((item) => item.metric === 'por.checked')).toMatchObject({ code: 'por.unchecked', value: '2026-08-03', threshold: 92, thresholdId: 'por.recheck-days' });
    expect(verdict.reasons.some((item) => item.code === 'por.overdue')).toBe(false);
  });

  test('overdue when we checked 60 days ago: the exchange is late, and nothing says our copy is old', () => {
    const verdict = gradeOn({ ...por, cadence: 'unknown', asOf: '2024-11-30', checkedAt: '2026-10-08' });
    expect(verdict.reasons.find((item) => item.code === 'por.overdue')).toMatchObject({ effect: 'caution', params: { checkedAt: '2026-10-08' } });
    expect(verdict.reasons.some((item) => item.metric === 'por.checked')).toBe(false);
  });

  test('an irregular report checked 63 days ago (Gate): fresh, with the day we checked', () => {
    const verdict = gradeOn({ ...por, cadence: 'irregular', asOf: '2026-09-13', checkedAt: '2026-10-05' });
    expect(verdict.reasons.find((item) => item.metric === 'por.age-days')).toMatchObject({ code: 'por.fresh', params: { checkedAt: '2026-10-05' } });
    expect(verdict.reasons.some((item) => item.metric === 'por.checked')).toBe(false);
  });
});
