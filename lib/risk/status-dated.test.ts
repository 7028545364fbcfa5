import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';

// "No closure or collapse is on record" is a claim about our list: it carries the day the list was
// reviewed, never the day the card is read (months later it would say more than we know).

const now = new Date('2027-03-15T10:00:00Z');

function operating(id = 'binance') {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error('no binance entry');
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now });
}

describe('an operating exchange’s status reason', () => {
  test.each([
    ['binance', '2026-12-04'],
    ['bybit-eu', '2026-12-06'],
  ])('%s: carries the day its own status was last checked (%s)', (id, day) => {
    const reason = operating(id).verdict.reasons.find((item) => item.code === 'status.operating');
    expect(reason?.asOf).toBe(day);
  });
});
