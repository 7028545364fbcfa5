import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { appendHistoryPoint, recordedDays, sparklinePath } from './history';
import type { HistoryPoint } from './model';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-25T08:00:00Z');

describe('appendHistoryPoint', () => {
  it('appends one point per UTC day and ignores later calls the same day', () => {
    let history: HistoryPoint[] = [];
    let result = appendHistoryPoint({ history, now: T0, selfShare: 0.3 });
    expect(result).toEqual({ history: [{ day: '2026-11-25', selfShare: 0.3 }], appended: true });
    history = result.history;
    result = appendHistoryPoint({ history, now: T0 + 15 * 3_600_000, selfShare: 0.9 }); // 23:00 the same day
    expect(result.appended).toBe(false);
    expect(result.history).toEqual(history);
    result = appendHistoryPoint({ history, now: T0 + 16 * 3_600_000, selfShare: 0.4 }); // 00:00 the next day
    expect(result.history.map((p) => p.day)).toEqual(['2026-11-25', '2026-11-26']);
  });

  it('keeps order when the clock moves back, and refuses a value that is not a share', () => {
    const history: HistoryPoint[] = [{ day: '2026-11-25', selfShare: 0.3 }];
    expect(appendHistoryPoint({ history, now: T0 - DAY, selfShare: 0.2 }).appended).toBe(false);
    expect(appendHistoryPoint({ history, now: T0 + DAY, selfShare: 1.2 }).appended).toBe(false);
    expect(appendHistoryPoint({ history, now: T0 + DAY, selfShare: Number.NaN }).appended).toBe(false);
    expect(appendHistoryPoint({ history, now: T0 + DAY, selfShare: null }).history.at(-1)).toEqual({ day: '2026-11-26', selfShare: null });
  });

  test('never exceeds the cap, never repeats a day, stays in day order, keeps the newest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * DAY }), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (gaps, cap) => {
        let history: HistoryPoint[] = [];
        let now = T0;
        let lastAppended: string | undefined;
        for (const gap of gaps) {
          now += gap;
          const result = appendHistoryPoint({ history, now, selfShare: 0.5, maxPoints: cap });
          if (result.appended) lastAppended = result.history.at(-1)!.day;
          history = result.history;
          expect(history.length).toBeLessThanOrEqual(cap);
        }
        const days = history.map((p) => p.day);
        expect(new Set(days).size).toBe(days.length);
        expect([...days].sort()).toEqual(days);
        if (lastAppended !== undefined) expect(days.at(-1)).toBe(lastAppended);
      }),
    );
  });
});

describe('sparklinePath', () => {
  it('draws shares from bottom (0) to top (1), evenly spaced', () => {
    expect(sparklinePath([0, 0.5, 1], 100, 20)).toBe('M0,20L50,10L100,0');
  });

  it('breaks the line at an unknown day instead of drawing it at 0', () => {
    expect(sparklinePath([0.25, 0.5, null, 0.75, 1], 40, 10)).toBe('M0,7.5L10,5M30,2.5L40,0');
  });

  it('marks an isolated point and a single point visibly', () => {
    expect(sparklinePath([0.5, null, 0.2], 10, 10)).toBe('M0,5h0M10,8h0');
    expect(sparklinePath([0.35], 60, 20)).toBe('M0,13L60,13');
  });

  it('clamps out-of-range values and gives nothing for nothing to draw', () => {
    expect(sparklinePath([-1, 2], 10, 10)).toBe('M0,10L10,0');
    expect(sparklinePath([], 10, 10)).toBe('');
    expect(sparklinePath([null, null], 10, 10)).toBe('');
    expect(sparklinePath([0.5], 0, 10)).toBe('');
    expect(sparklinePath([0.5], 10, Number.NaN)).toBe('');
  });

  test('every coordinate stays inside the box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -2, max: 2, noNaN: true }), { nil: null }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 200 }),
        (values, width, height) => {
          const path = sparklinePath(values, width, height);
          expect(path).toMatch(/^([ML]-?[\d.]+,-?[\d.]+(h0)?)*$/);
          for (const [, x, y] of path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
            expect(Number(x)).toBeGreaterThanOrEqual(0);
            expect(Number(x)).toBeLessThanOrEqual(width);
            expect(Number(y)).toBeGreaterThanOrEqual(0);
            expect(Number(y)).toBeLessThanOrEqual(height);
          }
        },
      ),
    );
  });
});

describe('recordedDays', () => {
  test('counts the days that have a share; a day on which nothing could be valued is not history the user can read', () => {
    expect(recordedDays([])).toBe(0);
    expect(
      recordedDays([
        { day: '2026-12-01', selfShare: 0.4 },
        { day: '2026-12-06', selfShare: 0.45 },
        { day: '2026-12-07', selfShare: null },
      ]),
    ).toBe(2);
  });
});
