import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { parseSettings } from '../settings';
import { buildExchangeView } from './exchange-view';
import { buildFirstPaintView, FIRST_PAINT_VALID_MS, firstPaintFor } from './first-paint-view';

const now = Date.parse('2026-11-25T12:00:00Z');
const words = { pillLabel: 'Reserve Radar: $1, grade $2, $3', close: 'Close' };

function built(overrides: { settings?: object; seen?: Record<string, number> } = {}) {
  const exchange = getExchange('kraken');
  if (exchange === undefined) throw new Error('no kraken');
  const view = buildExchangeView({ exchange, reserves: undefined, now: new Date(now) });
  const later = buildExchangeView({ exchange, reserves: undefined, now: new Date(now + FIRST_PAINT_VALID_MS) });
  return buildFirstPaintView({
    ext: '1.2.3',
    now,
    settings: parseSettings({ snoozes: { kraken: { until: 'time', endsAt: now + 1000 }, okx: { until: 'time', endsAt: now + 1000 } }, ...overrides.settings }),
    seen: overrides.seen ?? { kraken: now - 5000, okx: now - 1 },
    words,
    exchanges: [{ view, later, domains: exchange.domains, balanceNudge: { kind: 'over-cap', text: 'You keep more here than your own limit' } }],
  });
}
const read = (stored: unknown, host = 'www.kraken.com', at = now + 1000, ext = '1.2.3') => firstPaintFor({ stored, host, now: at, ext });

describe('the stored first paint', () => {
  test('carries only this exchange: its face, its snooze, when it was last shown, the balance line without figures', () => {
    const paint = read(built());
    expect(paint?.entry).toMatchObject({ id: 'kraken', name: 'Kraken', snooze: { until: 'time', endsAt: now + 1000 }, lastShownAt: now - 5000, balanceNudge: { kind: 'over-cap' } });
    expect(paint?.words).toEqual(words);
    expect(JSON.stringify(built())).not.toContain('okx');
  });

  test('found for the registry domain and its subdomains, on label boundaries only', () => {
    expect(read(built(), 'kraken.com')?.entry.id).toBe('kraken');
    expect(read(built(), 'pro.KRAKEN.com.')?.entry.id).toBe('kraken');
    expect(read(built(), 'notkraken.com')).toBeUndefined();
    expect(read(built(), 'kraken.com.evil.example')).toBeUndefined();
  });

  test('refused when missing, damaged, from another version, from the future or past its time', () => {
    const good = built();
    expect(read(undefined)).toBeUndefined();
    expect(read('nope')).toBeUndefined();
    expect(read({ ...good, v: 2 })).toBeUndefined();
    expect(read(good, 'www.kraken.com', now + 1000, '1.2.4')).toBeUndefined();
    expect(read(good, 'www.kraken.com', now - 120_000)).toBeUndefined();
    expect(read(good, 'www.kraken.com', now + FIRST_PAINT_VALID_MS + 1)).toBeUndefined();
    expect(read({ ...good, settings: { ...good.settings, corner: 'middle' } })).toBeUndefined();
    expect(read({ ...good, settings: { ...good.settings, cornerChosen: 'yes' } })).toBeUndefined();
    expect(read({ ...good, words: { close: 7 } })).toBeUndefined();
    const entry = good.exchanges.kraken;
    for (const bad of [
      { level: 'great' },
      { grade: 'A+++' },
      { name: 3 },
      { id: 'okx' },
      { warnings: -1 },
      { snooze: { until: 'forever' } },
      { balanceNudge: { kind: 'over-cap' } },
      { until: 'later' },
      { run: 'panic' },
      { run: true },
    ]) {
      expect(read({ ...good, exchanges: { kraken: { ...entry, ...bad } } }), JSON.stringify(bad)).toBeUndefined();
    }
    expect(read({ ...good, hosts: { 'kraken.com': 'Not An Id' } })).toBeUndefined();
    // A run alert on keeps what raised it, so the first paint words it as the background does.
    for (const run of ['outflow', 'warning-list'] as const) expect(read({ ...good, exchanges: { kraken: { ...entry, run } } })?.entry.run).toBe(run);
  });

  test('an exchange whose face would change within the window is not stored as usable: the page waits for the background', () => {
    const exchange = getExchange('kraken');
    if (exchange === undefined) throw new Error('no kraken');
    const view = buildExchangeView({ exchange, reserves: undefined, now: new Date(now) });
    const later = { ...view, verdict: { ...view.verdict, level: 'danger' as const, grade: 'F' as const } };
    const stored = buildFirstPaintView({ ext: '1.2.3', now, settings: parseSettings({}), seen: {}, words, exchanges: [{ view, later, domains: exchange.domains }] });
    expect(read(stored, 'www.kraken.com', now)).toBeUndefined();
  });
});
