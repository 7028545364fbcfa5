import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { nextReminder } from './reminders';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('nextReminder', () => {
  it('gives the chosen day this month when it is still ahead, else next month, at 09:00 local', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(iso(nextReminder({ now, monthlyDay: 28, proofOfKeysDay: false })?.at)).toBe('2026-11-28T09:00:00.000Z');
    expect(iso(nextReminder({ now, monthlyDay: 25, proofOfKeysDay: false })?.at)).toBe('2026-12-25T09:00:00.000Z');
    expect(nextReminder({ now, monthlyDay: 28, proofOfKeysDay: false })?.kinds).toEqual(['monthly']);
  });

  it('uses the last day of a month that lacks the chosen day', () => {
    const now = Date.parse('2027-02-01T00:00:00Z');
    expect(iso(nextReminder({ now, monthlyDay: 31, proofOfKeysDay: false })?.at)).toBe('2027-02-28T09:00:00.000Z');
    expect(iso(nextReminder({ now: Date.parse('2028-02-01T00:00:00Z'), monthlyDay: 30, proofOfKeysDay: false })?.at)).toBe('2028-02-29T09:00:00.000Z');
  });

  it('gives Proof of Keys day, 3 January, this year or next', () => {
    expect(iso(nextReminder({ now: Date.parse('2026-11-25T10:00:00Z'), proofOfKeysDay: true })?.at)).toBe('2027-01-03T09:00:00.000Z');
    expect(iso(nextReminder({ now: Date.parse('2027-01-02T10:00:00Z'), proofOfKeysDay: true })?.at)).toBe('2027-01-03T09:00:00.000Z');
    expect(iso(nextReminder({ now: Date.parse('2027-01-03T09:00:00Z'), proofOfKeysDay: true })?.at)).toBe('2028-01-03T09:00:00.000Z');
  });

  it('picks the earlier of the two and names both when they fall together', () => {
    const now = Date.parse('2026-12-20T00:00:00Z');
    expect(nextReminder({ now, monthlyDay: 1, proofOfKeysDay: true })).toEqual({ at: Date.parse('2027-01-01T09:00:00Z'), kinds: ['monthly'] });
    expect(nextReminder({ now, monthlyDay: 3, proofOfKeysDay: true })).toEqual({ at: Date.parse('2027-01-03T09:00:00Z'), kinds: ['monthly', 'proof-of-keys'] });
  });

  it('honours the local hour and UTC offset', () => {
    const now = Date.parse('2026-12-31T23:30:00Z'); // already 1 January 00:30 in Stockholm (UTC+1)
    expect(iso(nextReminder({ now, monthlyDay: 1, proofOfKeysDay: false, hour: 8, utcOffsetMinutes: 60 })?.at)).toBe('2027-01-01T07:00:00.000Z');
  });

  it('gives null when nothing is on or the input is unusable', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(nextReminder({ now, proofOfKeysDay: false })).toBeNull();
    expect(nextReminder({ now, monthlyDay: 0, proofOfKeysDay: false })).toBeNull();
    expect(nextReminder({ now, monthlyDay: 32, proofOfKeysDay: false })).toBeNull();
    expect(nextReminder({ now: Number.NaN, proofOfKeysDay: true })).toBeNull();
    expect(nextReminder({ now, proofOfKeysDay: true, hour: 24 })).toBeNull();
  });

  test('the next reminder is always after now and within about a month (or a year for Proof of Keys only)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }),
        fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
        fc.boolean(),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (now, monthlyDay, proofOfKeysDay, hour, utcOffsetMinutes) => {
          const result = nextReminder({ now, proofOfKeysDay, hour, utcOffsetMinutes, ...(monthlyDay === undefined ? {} : { monthlyDay }) });
          if (monthlyDay === undefined && !proofOfKeysDay) {
            expect(result).toBeNull();
            return;
          }
          expect(result!.at).toBeGreaterThan(now);
          const limitDays = monthlyDay === undefined ? 366 : 32;
          expect(result!.at - now).toBeLessThanOrEqual(limitDays * 86_400_000);
          const local = new Date(result!.at + utcOffsetMinutes * 60_000);
          expect(local.getUTCHours()).toBe(hour);
          if (result!.kinds.includes('proof-of-keys')) expect([local.getUTCMonth(), local.getUTCDate()]).toEqual([0, 3]);
        },
      ),
    );
  });
});
