import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { badgeFor, LEVEL_COLORS } from './badge';
import { buildExchangeView } from './exchange-view';

const now = new Date('2026-11-25T12:00:00Z');

function exchangeState(id: string, reserves: Parameters<typeof buildExchangeView>[0]['reserves']) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return { kind: 'exchange' as const, host: exchange.domains[0] ?? '', view: buildExchangeView({ exchange, reserves, now }) };
}

describe('badgeFor', () => {
  test('says nothing off exchanges and "!" on a lookalike', () => {
    expect(badgeFor({ kind: 'not-exchange' }).text).toBe('');
    expect(badgeFor({ kind: 'lookalike', host: 'binance-login.com', reason: 'r', imitates: { id: 'binance', name: 'Binance', domain: 'binance.com' } })).toEqual({
      text: '!',
      color: LEVEL_COLORS.danger,
    });
  });

  test('never looks good without data: the caution the known figures show, marked incomplete with "?"', () => {
    const state = exchangeState('kraken', undefined);
    expect(state.view.verdict).toMatchObject({ level: 'caution', grade: 'D', incomplete: true });
    expect(badgeFor(state)).toEqual({ text: 'D?', color: LEVEL_COLORS.caution });
  });

  test('marks a collapsed exchange as danger whatever its data, complete or not', () => {
    const state = exchangeState('ftx', undefined);
    expect(state.view.verdict.incomplete).toBe(true);
    expect(badgeFor(state)).toEqual({ text: 'F', color: LEVEL_COLORS.danger });
  });

  test('a complete caution shows its grade alone; unknown shows "?"', () => {
    const state = exchangeState('kraken', undefined);
    const withVerdict = (verdict: Partial<typeof state.view.verdict>) => ({ ...state, view: { ...state.view, verdict: { ...state.view.verdict, ...verdict } } });
    expect(badgeFor(withVerdict({ level: 'caution', grade: 'C', incomplete: false }))).toEqual({ text: 'C', color: LEVEL_COLORS.caution });
    expect(badgeFor(withVerdict({ level: 'unknown', grade: '?', incomplete: true }))).toEqual({ text: '?', color: LEVEL_COLORS.unknown });
  });

  test('an incomplete verdict never shows A, B or the ok colour, even one that claims ok', () => {
    const state = exchangeState('kraken', undefined);
    const withVerdict = (verdict: Partial<typeof state.view.verdict>) => ({ ...state, view: { ...state.view, verdict: { ...state.view.verdict, ...verdict } } });
    for (const verdict of [
      { level: 'ok', grade: 'A', incomplete: true },
      { level: 'ok', grade: 'B', incomplete: true },
      { level: 'caution', grade: 'C', incomplete: true },
      { level: 'caution', grade: 'D', incomplete: true },
      { level: 'danger', grade: 'F', incomplete: true },
      { level: 'unknown', grade: '?', incomplete: true },
    ] as const) {
      const badge = badgeFor(withVerdict(verdict));
      expect(badge.color).not.toBe(LEVEL_COLORS.ok);
      expect(badge.text).not.toMatch(/[AB]/);
    }
  });
});
