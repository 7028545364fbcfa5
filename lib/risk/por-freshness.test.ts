import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Cadence } from '../reserves/schema';
import { porFreshness } from './por-freshness';
import { thresholdValue } from './thresholds';

const now = new Date('2025-03-01T12:00:00Z');
const DAY = 86_400_000;
const iso = (date: Date): string => date.toISOString().slice(0, 10);
const RECHECK_DAYS = thresholdValue('por.recheck-days');

describe('porFreshness: whose delay a stale report is', () => {
  // Monthly cadence: fresh up to 62 days. 2024-11-01 is 120 days before `now`.
  test.each([
    ['fresh, never re-checked', '2025-02-01', undefined, { late: 'none', stale: false, checkedAt: '2025-02-01', ageAtCheckDays: 0 }],
    ['fresh, checked since', '2025-02-01', '2025-02-20', { late: 'none', stale: false, checkedAt: '2025-02-20', ageAtCheckDays: 19 }],
    ['stale, never re-checked: ours', '2024-11-01', undefined, { late: 'us', stale: true, checkedAt: '2024-11-01', ageAtCheckDays: 0 }],
    ['stale, last checked while it was still fresh: ours', '2024-11-01', '2024-12-15', { late: 'us', stale: true, checkedAt: '2024-12-15', ageAtCheckDays: 44 }],
    ['stale, checked on the last fresh day: ours', '2024-11-01', '2025-01-02', { late: 'us', stale: true, ageAtCheckDays: 62 }],
    ["stale, checked the day after it was overdue: the exchange's", '2024-11-01', '2025-01-03', { late: 'exchange', stale: true, ageAtCheckDays: 63 }],
    ["stale, checked yesterday and still the newest: the exchange's", '2024-11-01', '2025-02-28', { late: 'exchange', stale: true, checkedAt: '2025-02-28', ageAtCheckDays: 119 }],
    // Overdue on the day we checked, but that check is itself older than the window: our gap now.
    [
      "overdue when we checked, checked the last day our check still counts: the exchange's",
      '2024-09-01',
      '2024-12-29',
      { late: 'exchange', stale: true, checkedAt: '2024-12-29', ageAtCheckDays: 119 },
    ],
    ['overdue when we checked, but not checked for longer than the window since: ours', '2024-09-01', '2024-12-28', { late: 'us', stale: true, checkedAt: '2024-12-28', ageAtCheckDays: 118 }],
    ['overdue when we checked long ago (the audit case, scaled): ours', '2024-06-01', '2024-09-15', { late: 'us', stale: true, checkedAt: '2024-09-15', ageAtCheckDays: 106 }],
    ['a check dated before the report is ignored', '2024-11-01', '2024-10-01', { late: 'us', stale: true, checkedAt: '2024-11-01', ageAtCheckDays: 0 }],
    ['a check dated after today (a fast clock, a bad feed) counts as missing', '2024-11-01', '2025-06-01', { late: 'us', stale: true, checkedAt: '2024-11-01', ageAtCheckDays: 0 }],
  ] as const)('%s', (_name, asOf, checkedAt, expected) => {
    const freshness = porFreshness({ por: { cadence: 'monthly', asOf, ...(checkedAt === undefined ? {} : { checkedAt }) }, now });
    expect(freshness).toMatchObject({ allowedDays: 62, ...expected });
  });

  const cadences: Cadence[] = ['daily', 'weekly', 'monthly', 'quarterly', 'irregular', 'unknown'];
  const caseArb = fc.record({
    cadence: fc.constantFrom(...cadences),
    ageDays: fc.integer({ min: 0, max: 800 }),
    checkedAfter: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
    laterDays: fc.integer({ min: 0, max: 800 }),
  });
  const freshnessOf = ({ cadence, ageDays, checkedAfter }: { cadence: Cadence; ageDays: number; checkedAfter: number | undefined }, at: Date) => {
    const asOf = new Date(now.getTime() - ageDays * DAY);
    const checkedAt = checkedAfter === undefined ? undefined : iso(new Date(Math.min(asOf.getTime() + checkedAfter * DAY, now.getTime())));
    return porFreshness({ por: { cadence, asOf: iso(asOf), ...(checkedAt === undefined ? {} : { checkedAt }) }, now: at });
  };

  test('the exchange is blamed only for a report already overdue on the day we checked (property)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const freshness = freshnessOf(input, now);
        const checkAge = Math.floor((now.getTime() - Date.parse(`${freshness.checkedAt}T00:00:00Z`)) / DAY);
        // "Fresh" needs both a report within its cadence and a check of ours within our re-check policy.
        expect(freshness.late === 'none').toBe(!freshness.stale && checkAge <= RECHECK_DAYS);
        if (freshness.late === 'exchange') {
          expect(freshness.ageAtCheckDays).toBeGreaterThan(freshness.allowedDays);
          // A finding from a check older than the window, or than our re-check policy, is not the exchange's any more.
          expect(checkAge).toBeLessThanOrEqual(Math.min(freshness.allowedDays, RECHECK_DAYS));
        }
        // Without a check of our own on record, an old report is never blamed on the exchange.
        if (input.checkedAfter === undefined) expect(freshness.late).not.toBe('exchange');
      }),
    );
  });

  test('time passing without a new check never shifts our delay onto the exchange (property)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const today = freshnessOf(input, now);
        const later = freshnessOf(input, new Date(now.getTime() + input.laterDays * DAY));
        if (today.late !== 'exchange') expect(later.late).not.toBe('exchange');
        // Left unchecked for longer than the window, any stale report is our gap.
        const unchecked = Math.floor((now.getTime() + input.laterDays * DAY - Date.parse(`${later.checkedAt}T00:00:00Z`)) / DAY);
        if (later.stale && unchecked > later.allowedDays) expect(later.late).toBe('us');
        // Left unchecked for longer than our re-check policy, whatever the cadence, the gap is ours.
        if (unchecked > RECHECK_DAYS) expect(later.late).toBe('us');
      }),
    );
  });
});

describe("porFreshness: our own check is judged by our re-check policy, not by the exchange's cadence", () => {
  const reviewDay = new Date('2026-12-07T12:00:00Z');
  test('the re-check policy is a quarter: the longest cadence any exchange states', () => {
    expect(RECHECK_DAYS).toBe(92);
  });

  test.each([
    // Bybit as bundled: an irregular cadence allows a year, but our last check is 194 days old.
    ['irregular report we last checked 194 days ago (Bybit): ours', 'irregular', '2026-05-27', '2026-05-27', { late: 'us', stale: false, checkedAt: '2026-05-27' }],
    ['unknown cadence, same: ours', 'unknown', '2026-05-27', '2026-05-27', { late: 'us', stale: false }],
    // OKX as bundled: monthly, fresh when we checked 63 days ago, stale now.
    ['monthly report fresh when we checked 63 days ago (OKX): ours', 'monthly', '2026-09-08', '2026-10-05', { late: 'us', stale: true, checkedAt: '2026-10-05', ageAtCheckDays: 27 }],
    ['irregular report checked 63 days ago (Gate): fresh', 'irregular', '2026-09-13', '2026-10-05', { late: 'none', stale: false }],
    ['irregular report checked on the last day of the policy: fresh', 'irregular', '2026-08-01', '2026-09-06', { late: 'none', stale: false }],
    ['irregular report checked one day past the policy: ours', 'irregular', '2026-08-01', '2026-09-05', { late: 'us', stale: false }],
    ['quarterly report checked 93 days ago, due again any day: ours', 'quarterly', '2026-08-01', '2026-09-05', { late: 'us', stale: false }],
    // WhiteBIT as bundled: 20 months old when we checked, but that check is 126 days old: it says nothing about today.
    ['overdue when we checked 126 days ago (WhiteBIT): ours', 'unknown', '2024-11-30', '2026-08-03', { late: 'us', stale: true }],
    ["overdue when we checked 60 days ago: the exchange's", 'unknown', '2024-11-30', '2026-10-08', { late: 'exchange', stale: true }],
  ] as const)('%s', (_name, cadence, asOf, checkedAt, expected) => {
    expect(porFreshness({ por: { cadence, asOf, checkedAt }, now: reviewDay })).toMatchObject(expected);
  });
});
