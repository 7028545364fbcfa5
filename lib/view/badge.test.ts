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

  test('never looks good without data', () => {
    expect(badgeFor(exchangeState('kraken', undefined))).toEqual({ text: '?', color: LEVEL_COLORS.unknown });
  });

  test('marks a collapsed exchange as danger whatever its data', () => {
    expect(badgeFor(exchangeState('ftx', undefined))).toEqual({ text: 'F', color: LEVEL_COLORS.danger });
  });
});
