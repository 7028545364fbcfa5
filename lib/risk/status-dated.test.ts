import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { statusReviewedOn } from '../exchanges/status-review';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';

// "No closure or collapse is on record" is a claim about our list: it carries the day the list was
// reviewed, never the day the card is read (months later it would say more than we know).

const now = new Date('2027-03-15T10:00:00Z');

function operating() {
  const exchange = getExchange('binance');
  if (exchange === undefined) throw new Error('no binance entry');
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges.binance, now });
}

describe('an operating exchange’s status reason', () => {
  test('carries the day our list’s statuses were reviewed', () => {
    const reason = operating().verdict.reasons.find((item) => item.code === 'status.operating');
    expect(reason?.asOf).toBe(statusReviewedOn);
  });
});
