import { describe, expect, test } from 'vitest';
import { viewMark } from './told-views';

type ExchangeState = Parameters<typeof viewMark>[0];
const SHOWN = { show: true, expanded: false };

describe('viewMark: a short mark of what the tab draws', () => {
  test('a view rebuilt with its keys in another order (read back from storage after a restart) gives the same mark, a short SHA-256', async () => {
    const built = { kind: 'exchange', view: { id: 'binance', verdict: { level: 'caution', grade: 'C' }, runAlert: { active: true, since: '2026-12-07' } } } as unknown as ExchangeState;
    const readBack = { view: { runAlert: { since: '2026-12-07', active: true }, verdict: { grade: 'C', level: 'caution' }, id: 'binance' }, kind: 'exchange' } as unknown as ExchangeState;
    const mark = await viewMark(built, 'en', undefined, SHOWN);
    expect(mark).toMatch(/^[0-9a-f]{16}$/);
    expect(await viewMark(readBack, 'en', undefined, SHOWN)).toBe(mark);
  });

  test('the moment the view was computed for is left out; its language, the balance line and the pill decision count', async () => {
    const state = { kind: 'exchange', view: { id: 'binance', verdict: { level: 'caution' }, computedAt: '2026-12-07T04:00:00Z' } } as unknown as ExchangeState;
    const later = { kind: 'exchange', view: { id: 'binance', verdict: { level: 'caution' }, computedAt: '2026-12-07T05:00:00Z' } } as unknown as ExchangeState;
    const mark = await viewMark(state, 'en', undefined, SHOWN);
    expect(await viewMark(later, 'en', undefined, SHOWN)).toBe(mark);
    expect(await viewMark(state, 'de', undefined, SHOWN)).not.toBe(mark);
    expect(await viewMark(state, 'en', { kind: 'risky-exchange', text: 'x' } as never, SHOWN)).not.toBe(mark);
    expect(await viewMark(state, 'en', undefined, { show: false, expanded: false })).not.toBe(mark);
  });
});
