import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { copyAge } from './copy-age';

const DAY = 86_400_000;
const now = new Date('2026-12-05T00:00:00Z');
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('copyAge: whose delay old DefiLlama figures are', () => {
  test.each([
    ['fresh, read the day they describe', '2026-12-01', undefined, { late: 'none', checkedAt: '2026-12-01', ageDays: 4 }],
    ['old, never read again: ours', '2026-08-10', undefined, { late: 'us', checkedAt: '2026-08-10', ageDays: 117 }],
    ['old, read again while fresh, not since: ours', '2026-08-10', '2026-08-15', { late: 'us', checkedAt: '2026-08-15' }],
    ['old, and already old when we read them yesterday: the source’s', '2026-08-10', '2026-12-04', { late: 'source', checkedAt: '2026-12-04' }],
    ['old when we read them 7 days ago, the last day that read still counts: the source’s', '2026-08-10', '2026-11-28', { late: 'source', checkedAt: '2026-11-28' }],
    ['old when we read them 8 days ago, not read since: ours now', '2026-08-10', '2026-11-27', { late: 'us', checkedAt: '2026-11-27' }],
    ['a read dated before the figures is ignored', '2026-08-10', '2026-08-01', { late: 'us', checkedAt: '2026-08-10' }],
    ['a read dated after today (a fast clock, a bad feed) counts as missing', '2026-08-10', '2026-12-06', { late: 'us', checkedAt: '2026-08-10' }],
    ['a read dated far in the future counts as missing', '2026-08-10', '2027-03-01', { late: 'us', checkedAt: '2026-08-10' }],
    ['a read dated today counts', '2026-08-10', '2026-12-05', { late: 'source', checkedAt: '2026-12-05' }],
  ] as const)('%s', (_name, asOf, checkedAt, expected) => {
    expect(copyAge({ asOf, checkedAt, now, maxAgeDays: 7 })).toMatchObject(expected);
  });

  const caseArb = fc.record({
    ageDays: fc.integer({ min: 0, max: 400 }),
    checkedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    laterDays: fc.integer({ min: 0, max: 400 }),
    maxAgeDays: fc.integer({ min: 1, max: 30 }),
  });
  const ageOf = ({ ageDays, checkedAfter, maxAgeDays }: { ageDays: number; checkedAfter: number | undefined; maxAgeDays: number }, at: Date) => {
    const asOf = new Date(now.getTime() - ageDays * DAY);
    // Reads may be dated past `now`: a fast clock or a bad feed can say so.
    const checkedAt = checkedAfter === undefined ? undefined : iso(new Date(asOf.getTime() + checkedAfter * DAY));
    return { read: checkedAt, ...copyAge({ asOf: iso(asOf), checkedAt, now: at, maxAgeDays }) };
  };

  test('without a read of our own after the figures’ day, old figures are never blamed on the source (property)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const age = ageOf(input, now);
        expect(age.late === 'none').toBe(age.ageDays <= input.maxAgeDays);
        const readInFuture = age.read !== undefined && age.read > iso(now);
        if (input.checkedAfter === undefined || input.checkedAfter <= input.maxAgeDays || readInFuture) expect(age.late).not.toBe('source');
      }),
    );
  });

  test('time passing without a new read never shifts our delay onto the source (property)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const today = ageOf(input, now);
        // A read dated past today is set aside today; once that day comes it counts as a read.
        fc.pre(today.read === undefined || today.read <= iso(now));
        const later = ageOf(input, new Date(now.getTime() + input.laterDays * DAY));
        if (today.late !== 'source') expect(later.late).not.toBe('source');
        // Left unread for longer than the limit, old figures are our gap whatever a read once showed.
        const unread = Math.floor((now.getTime() + input.laterDays * DAY - Date.parse(`${later.checkedAt}T00:00:00Z`)) / DAY);
        if (later.late !== 'none' && unread > input.maxAgeDays) expect(later.late).toBe('us');
      }),
    );
  });
});
