import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Cadence } from '../reserves/schema';
import { porFreshness } from './por-freshness';

const now = new Date('2025-03-01T12:00:00Z');
const DAY = 86_400_000;
const iso = (date: Date): string => date.toISOString().slice(0, 10);

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
        expect(freshness.late === 'none').toBe(!freshness.stale);
        if (freshness.late === 'exchange') {
          expect(freshness.ageAtCheckDays).toBeGreaterThan(freshness.allowedDays);
          // A finding from a check older than the window is not the exchange's any more.
          expect(Math.floor((now.getTime() - Date.parse(`${freshness.checkedAt}T00:00:00Z`)) / DAY)).toBeLessThanOrEqual(freshness.allowedDays);
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
      }),
    );
  });
});
