import { describe, expect, test } from 'vitest';
import { badgeFor } from './badge';
import type { ExchangeView } from './exchange-view';

const view: ExchangeView = { id: 'x', name: 'X', status: { kind: 'operating' }, incidents: [] };
const por = { method: 'merkle-liabilities', cadence: 'monthly', liabilitiesIncluded: true, source: 'https://x.example/por', asOf: '2025-01-01' } as const;

describe('badgeFor', () => {
  test('says nothing off exchanges and "!" on a lookalike', () => {
    expect(badgeFor({ kind: 'not-exchange' }).text).toBe('');
    expect(badgeFor({ kind: 'lookalike', host: 'binance-login.com', reason: 'r', imitates: { id: 'binance', name: 'Binance', domain: 'binance.com' } }).text).toBe('!');
  });

  test('never looks good without data, and marks a fallen exchange', () => {
    expect(badgeFor({ kind: 'exchange', host: 'x.com', view }).text).toBe('?');
    expect(badgeFor({ kind: 'exchange', host: 'x.com', view: { ...view, por: { ...por, method: 'none' } } }).text).toBe('–');
    expect(badgeFor({ kind: 'exchange', host: 'x.com', view: { ...view, por } }).text).toBe('PoR');
    const fallen = { ...view, por, status: { kind: 'collapsed', date: '2022-11-11', history: 'h', source: 'https://s.example' } } as const;
    expect(badgeFor({ kind: 'exchange', host: 'x.com', view: fallen }).color).toBe('#b3261e');
  });
});
