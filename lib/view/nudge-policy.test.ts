import { describe, expect, test } from 'vitest';
import { defaultSettings, type Settings } from '../settings';
import type { RiskLevel } from '../risk/order';
import { dataFingerprint, nudgeDecision, snoozeFor, snoozesInForce } from './nudge-policy';

const now = Date.parse('2026-11-25T12:00:00Z');
const view = (level: RiskLevel, asOf = '2026-11-01', incomplete = level === 'unknown') =>
  withFingerprint({
    id: 'binance',
    verdict: {
      level,
      grade: level === 'danger' ? ('F' as const) : level === 'unknown' ? ('?' as const) : level === 'caution' ? ('D' as const) : ('B' as const),
      incomplete,
      reasons: [{ metric: 'por.method', code: 'por.method' as const, effect: 'ok' as const, asOf }],
      metrics: { status: 'operating' as const, recentIncidents: 0 },
      sources: [],
      asOf,
    },
  });
/** The fingerprint a view is built with (`ExchangeView.fingerprint`). */
function withFingerprint<T extends Parameters<typeof dataFingerprint>[0]>(shape: T): T & { fingerprint: string } {
  return { ...shape, fingerprint: dataFingerprint(shape) };
}
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings, ...patch });

describe('nudgeDecision', () => {
  test('defaults: a small pill every visit, opened by itself only for danger', () => {
    expect(nudgeDecision({ settings: settings(), view: view('ok'), lastShownAt: undefined, now })).toEqual({ show: true, expanded: false });
    expect(nudgeDecision({ settings: settings(), view: view('unknown'), lastShownAt: now - 1000, now })).toEqual({ show: true, expanded: false });
    expect(nudgeDecision({ settings: settings(), view: view('danger'), lastShownAt: undefined, now })).toEqual({ show: true, expanded: true });
    expect(nudgeDecision({ settings: settings({ autoExpandOnDanger: false }), view: view('danger'), lastShownAt: undefined, now }).expanded).toBe(false);
  });

  test('each policy', () => {
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'off' }), view: view('danger'), lastShownAt: undefined, now }).show).toBe(false);
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'caution-or-worse' }), view: view('ok'), lastShownAt: undefined, now }).show).toBe(false);
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'caution-or-worse' }), view: view('unknown'), lastShownAt: undefined, now }).show).toBe(false);
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'caution-or-worse' }), view: view('caution'), lastShownAt: undefined, now }).show).toBe(true);
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'daily' }), view: view('ok'), lastShownAt: now - 3_600_000, now }).show).toBe(false);
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'daily' }), view: view('ok'), lastShownAt: now - 25 * 3_600_000, now }).show).toBe(true);
  });

  test("'caution or worse' shows what the known figures show: caution or danger with a figure missing counts, unknown alone does not", () => {
    const cautionOrWorse = settings({ nudgePolicy: 'caution-or-worse' });
    expect(nudgeDecision({ settings: cautionOrWorse, view: view('caution', '2026-11-01', true), lastShownAt: undefined, now })).toEqual({ show: true, expanded: false });
    expect(nudgeDecision({ settings: cautionOrWorse, view: view('danger', '2026-11-01', true), lastShownAt: undefined, now })).toEqual({ show: true, expanded: true });
    expect(nudgeDecision({ settings: cautionOrWorse, view: view('unknown'), lastShownAt: undefined, now }).show).toBe(false);
  });

  test("a run alert on: shown under 'caution or worse' and past 'daily', but never against 'off'", () => {
    const run = { lastShownAt: now - 1000, now, runAlert: true };
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'caution-or-worse' }), view: view('ok'), ...run }).show).toBe(true);
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'daily' }), view: view('ok'), ...run }).show).toBe(true);
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'off' }), view: view('ok'), ...run }).show).toBe(false);
  });

  // A card snooze hides the routine card; a run alert has its own snooze (a muted run comes here as `runAlert: false`).
  test('a card snooze does not hide a run alert, whether taken before the run or while it showed', () => {
    for (const choice of ['1d', '7d', 'data-change'] as const) {
      const snoozed = settings({ snoozes: { binance: snoozeFor(choice, view('caution'), now) } });
      expect(nudgeDecision({ settings: snoozed, view: view('caution'), lastShownAt: now - 1000, now: now + 3_600_000, runAlert: true }).show).toBe(true);
      expect(nudgeDecision({ settings: snoozed, view: view('caution'), lastShownAt: now - 1000, now: now + 3_600_000, runAlert: false }).show).toBe(false);
      const cautionOnly = settings({ nudgePolicy: 'caution-or-worse', snoozes: snoozed.snoozes });
      expect(nudgeDecision({ settings: cautionOnly, view: view('ok'), lastShownAt: undefined, now: now + 3_600_000, runAlert: true }).show).toBe(true);
    }
  });

  test("the user's own limit crossed: shown under 'caution or worse' too, but never against 'off' or a snooze", () => {
    const over = { lastShownAt: undefined, now, overOwnLimit: true };
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'caution-or-worse' }), view: view('ok'), ...over })).toEqual({ show: true, expanded: false });
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'off' }), view: view('ok'), ...over }).show).toBe(false);
    const snoozed = settings({ nudgePolicy: 'caution-or-worse', snoozes: { binance: snoozeFor('7d', view('ok'), now) } });
    expect(nudgeDecision({ settings: snoozed, view: view('ok'), ...over, now: now + 3_600_000 }).show).toBe(false);
    // Daily stays daily: the limit does not make the pill come back within the day.
    expect(nudgeDecision({ settings: settings({ nudgePolicy: 'daily' }), view: view('ok'), ...over, lastShownAt: now - 3_600_000 }).show).toBe(false);
  });

  test('snoozes: for a time, or until the data changes', () => {
    const oneDay = settings({ snoozes: { binance: snoozeFor('1d', view('ok'), now) } });
    expect(nudgeDecision({ settings: oneDay, view: view('ok'), lastShownAt: undefined, now: now + 3_600_000 }).show).toBe(false);
    expect(nudgeDecision({ settings: oneDay, view: view('ok'), lastShownAt: undefined, now: now + 25 * 3_600_000 }).show).toBe(true);
    const untilChange = settings({ snoozes: { binance: snoozeFor('data-change', view('ok'), now) } });
    expect(nudgeDecision({ settings: untilChange, view: view('ok'), lastShownAt: undefined, now: now + 30 * 86_400_000 }).show).toBe(false);
    expect(nudgeDecision({ settings: untilChange, view: view('ok', '2026-12-01'), lastShownAt: undefined, now }).show).toBe(true);
    expect(nudgeDecision({ settings: untilChange, view: view('caution'), lastShownAt: undefined, now }).show).toBe(true);
    expect(dataFingerprint(view('ok'))).not.toBe(dataFingerprint(view('caution')));
  });

  test('a missing figure arriving (or going) is a data change, even when level, grade and dates stay', () => {
    expect(dataFingerprint(view('caution', '2026-11-01', true))).not.toBe(dataFingerprint(view('caution', '2026-11-01', false)));
    const untilChange = settings({ snoozes: { binance: snoozeFor('data-change', view('caution', '2026-11-01', true), now) } });
    expect(nudgeDecision({ settings: untilChange, view: view('caution', '2026-11-01', true), lastShownAt: undefined, now }).show).toBe(false);
    expect(nudgeDecision({ settings: untilChange, view: view('caution', '2026-11-01', false), lastShownAt: undefined, now }).show).toBe(true);
  });

  test('a complete verdict keeps the fingerprint it had before verdicts carried the flag', () => {
    const { incomplete: _, ...verdictWithoutFlag } = view('caution').verdict;
    expect(dataFingerprint(view('caution'))).toBe(dataFingerprint({ verdict: verdictWithoutFlag as ReturnType<typeof view>['verdict'] }));
    expect(dataFingerprint(view('caution'))).toBe('caution|D|2026-11-01|2026-11-01');
  });

  // An operating exchange's status reason carries the day its entry was last checked; moving that day is no new data.
  const operating = (checkedOn: string | undefined) =>
    withFingerprint({
      id: 'binance',
      verdict: {
        ...view('ok').verdict,
        reasons: [
          { metric: 'por.method', code: 'por.method' as const, effect: 'ok' as const, asOf: '2026-11-01' },
          { metric: 'status', code: 'status.operating' as const, effect: 'ok' as const, ...(checkedOn === undefined ? {} : { asOf: checkedOn }) },
        ],
      },
    });

  test('two views that differ only in the day the status was checked have the same fingerprint', () => {
    expect(dataFingerprint(operating('2026-12-04'))).toBe(dataFingerprint(operating('2026-12-06')));
    const untilChange = settings({ snoozes: { binance: snoozeFor('data-change', operating('2026-12-04'), now) } });
    expect(nudgeDecision({ settings: untilChange, view: operating('2026-12-06'), lastShownAt: undefined, now }).show).toBe(false);
  });

  test('a snooze stored before the status reason carried a day still holds', () => {
    // The fingerprint the code before that change stored for this verdict (its status reason had no day).
    const stored = 'ok|B|2026-11-01|,2026-11-01';
    expect(dataFingerprint(operating(undefined))).toBe(stored);
    expect(dataFingerprint(operating('2026-12-04'))).toBe(stored);
    const untilChange = settings({ snoozes: { binance: { until: 'data-change', fingerprint: stored } } });
    expect(nudgeDecision({ settings: untilChange, view: operating('2026-12-04'), lastShownAt: undefined, now }).show).toBe(false);
  });
});

describe('snoozesInForce', () => {
  const madeOn = dataFingerprint(view('ok'));
  const untilChange = { until: 'data-change' as const, fingerprint: madeOn };

  test('a snooze until a data change is spent only by a fingerprint of its own exchange that differs; one the fingerprints lack is kept', () => {
    const snoozes = { binance: untilChange, kraken: untilChange, okx: untilChange };
    const fingerprints = { binance: madeOn, kraken: dataFingerprint(view('caution')) };
    expect(snoozesInForce(snoozes, now, fingerprints)).toEqual({ binance: untilChange, okx: untilChange });
    expect(snoozesInForce({ okx: untilChange }, now, fingerprints)).toEqual({ okx: untilChange });
    // Without fingerprints (a page that does not hold the data), none is judged.
    expect(snoozesInForce(snoozes, now)).toBe(snoozes);
  });

  test('a timed snooze is spent from its end on; nothing spent answers the same object', () => {
    const running = { until: 'time' as const, endsAt: now + 1 };
    const snoozes = { binance: running, kraken: { until: 'time' as const, endsAt: now } };
    expect(snoozesInForce(snoozes, now, {})).toEqual({ binance: running });
    const none = { binance: running, okx: untilChange };
    expect(snoozesInForce(none, now, { okx: madeOn })).toBe(none);
  });
});
