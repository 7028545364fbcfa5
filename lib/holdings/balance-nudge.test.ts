import { describe, expect, it } from 'vitest';
import { balanceNudge } from './balance-nudge';
import { LimitsSchema, type Limits } from './model';
import type { PriceTable } from './prices';
import type { Position } from './valuation';
import * as v from 'valibot';

const SOURCE = 'https://coins.llama.fi/prices/current/coingecko:bitcoin';
const prices: PriceTable = {
  fetchedAt: 0,
  prices: { BTC: { usd: 50_000, asOf: '2026-11-25T09:00:00.000Z', source: SOURCE } },
  fiat: { EUR: { usd: 1.25, asOf: '2026-11-25T00:00:00.000Z', source: 'https://example.org/rates' } },
};
const limits = (input: unknown): Limits => v.parse(LimitsSchema, input);
const holdings: Position[] = [
  { custodian: 'self', asset: 'BTC', amount: 1 }, // 50 000 USD
  { custodian: 'kraken', asset: 'BTC', amount: 0.5 }, // 25 000 USD = 20 000 EUR
  { custodian: 'binance', asset: 'BTC', amount: 0.5 },
];

describe('balanceNudge', () => {
  it('says nothing first when the user records nothing at the exchange, whatever its level', () => {
    expect(balanceNudge({ holdings, prices, exchangeId: 'okx', level: 'danger', limits: limits({ default: { cap: 1 } }) })).toEqual({ show: false, reasons: [] });
  });

  it('says nothing first when holdings are within the user’s limits and the level is ok', () => {
    const result = balanceNudge({ holdings, prices, exchangeId: 'kraken', level: 'ok', limits: limits({ currency: 'EUR', default: { cap: 30_000, maxShare: 0.5 } }) });
    expect(result).toEqual({ show: false, reasons: [] });
  });

  it('leads with over-cap, in the limit’s currency', () => {
    const result = balanceNudge({ holdings, prices, exchangeId: 'kraken', level: 'ok', limits: limits({ currency: 'EUR', exchanges: { kraken: { cap: 10_000 } } }) });
    expect(result.show).toBe(true);
    expect(result.first).toEqual({ kind: 'over-cap', exchangeId: 'kraken', value: 20_000, cap: 10_000, currency: 'EUR', lowerBound: false });
  });

  it('flags a share above the user’s maximum (25 % here), from the default limit', () => {
    const result = balanceNudge({ holdings, prices, exchangeId: 'kraken', level: 'ok', limits: limits({ default: { maxShare: 0.2 } }) });
    expect(result.first).toEqual({ kind: 'over-share', exchangeId: 'kraken', share: 0.25, maxShare: 0.2, complete: true });
  });

  it('names every reason, most pressing first, when the exchange is also caution or worse', () => {
    const result = balanceNudge({ holdings, prices, exchangeId: 'kraken', level: 'danger', limits: limits({ currency: 'USD', default: { cap: 1000, maxShare: 0.1 } }) });
    expect(result.reasons.map((r) => r.kind)).toEqual(['over-cap', 'over-share', 'risky-exchange']);
    expect(result.reasons[2]).toEqual({ kind: 'risky-exchange', exchangeId: 'kraken', level: 'danger', value: 25_000, currency: 'USD' });
  });

  it('still warns about a risky exchange when the holdings there cannot be valued, with the value unknown (not 0)', () => {
    const unpriced: Position[] = [{ custodian: 'kraken', asset: 'DOGE', amount: 1000 }];
    const result = balanceNudge({ holdings: unpriced, prices, exchangeId: 'kraken', level: 'caution', limits: limits({ default: { cap: 1 } }) });
    expect(result.reasons).toEqual([{ kind: 'risky-exchange', exchangeId: 'kraken', level: 'caution', value: null, currency: 'USD' }]);
  });

  it('cannot judge a cap in a currency without a rate, so it does not claim one', () => {
    const result = balanceNudge({ holdings, prices, exchangeId: 'kraken', level: 'ok', limits: limits({ currency: 'SEK', default: { cap: 1 } }) });
    expect(result.show).toBe(false);
  });

  it('marks an over-cap from partly unknown holdings as a lower bound', () => {
    const mixed: Position[] = [...holdings, { custodian: 'kraken', asset: 'DOGE', amount: 1000 }];
    const result = balanceNudge({ holdings: mixed, prices, exchangeId: 'kraken', level: 'unknown', limits: limits({ default: { cap: 100, maxShare: 0.1 } }) });
    expect(result.first).toMatchObject({ kind: 'over-cap', value: 25_000, lowerBound: true });
    expect(result.reasons[1]).toMatchObject({ kind: 'over-share', complete: false });
  });

  it('ignores zero holdings and does not read limits from the object prototype', () => {
    const zero: Position[] = [
      { custodian: 'constructor', asset: 'BTC', amount: 0 },
      { custodian: 'toString', currency: 'USD', value: 10 },
    ];
    expect(balanceNudge({ holdings: zero, prices, exchangeId: 'constructor', level: 'danger', limits: limits({}) }).show).toBe(false);
    expect(balanceNudge({ holdings: zero, prices, exchangeId: 'toString', level: 'ok', limits: limits({}) }).show).toBe(false);
  });
});
