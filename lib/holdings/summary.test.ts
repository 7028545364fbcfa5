import { describe, expect, it } from 'vitest';
import { addressesByChain, chainReadingFrom, parseAddressReadings, type AddressReadings } from './address-readings';
import { parseHoldingsState } from './model';
import type { PriceTable } from './prices';
import { exchangeBalanceNudge, historyShare, holdingsOverview, holdingsSummary } from './summary';

const asOf = '2026-11-25T09:00:00.000Z';
const source = 'https://coins.llama.fi/prices/current/coingecko:ethereum';
const prices: PriceTable = { fetchedAt: 1, prices: { ETH: { usd: 2000, asOf, source } }, fiat: { SEK: { usd: 0.1, asOf, source: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml' } } };
const state = parseHoldingsState({
  holdings: [
    { id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: 0 },
    { id: 'b', kind: 'fiat', custodian: 'kraken', currency: 'USD', value: 1000, updatedAt: 0 },
  ],
  addresses: [{ id: 'w', address: '0x000000000000000000000000000000000000dEaD', chainIds: [1] }],
  goal: { selfShareTarget: 0.8 },
  limits: { currency: 'SEK', exchanges: { binance: { cap: 10_000 } } },
  history: [],
});
const readings: AddressReadings = { readAt: 5, chains: [{ chainId: 1, blockNumber: '123', complete: true, positions: [{ custodian: 'self', asset: 'ETH', amount: 0.5 }] }] };

describe('holdingsOverview', () => {
  it('adds watched-address balances to self-custody and shows values in the user currency', () => {
    const overview = holdingsOverview({ state, prices, readings });
    // 1 ETH (2000) at Binance, 1000 USD at Kraken, 0.5 ETH (1000) self: 4000 USD known.
    expect(overview.shares.knownUsd).toBe(4000);
    expect(overview.self.share).toBe(0.25);
    expect(overview.self.value).toBeCloseTo(10_000, 6);
    expect(overview.exchanges.map((e) => [e.custodian, e.share])).toEqual([
      ['binance', 0.5],
      ['kraken', 0.25],
    ]);
    expect(overview.total).toBeCloseTo(40_000, 6);
    expect(historyShare(overview, Date.parse(asOf))).toBe(0.25);
    expect(holdingsSummary(overview, [{ day: '2026-11-24', selfShare: 0.2 }], Date.parse(asOf))).toEqual({
      selfShare: 0.25,
      target: 0.8,
      complete: true,
      history: [{ day: '2026-11-24', selfShare: 0.2 }],
    });
  });

  it('a missing or failed address reading makes the day unrecorded, not a dip', () => {
    expect(historyShare(holdingsOverview({ state, prices, readings: null }), Date.parse(asOf))).toBeNull();
    const failed: AddressReadings = { readAt: 5, chains: [{ chainId: 1, complete: false, positions: [], error: 'timeout' }] };
    expect(holdingsOverview({ state, prices, readings: failed }).readingsComplete).toBe(false);
  });

  it('an unknown currency leaves values unknown, shares intact', () => {
    const overview = holdingsOverview({ state: { ...state, limits: { ...state.limits, currency: 'ARS' } }, prices, readings });
    expect(overview.total).toBeNull();
    expect(overview.self.share).toBe(0.25);
  });

  it('nothing recorded: no summary', () => {
    expect(holdingsSummary(holdingsOverview({ state: parseHoldingsState({}), prices, readings: null }), [], Date.parse(asOf))).toBeNull();
  });
});

describe('exchangeBalanceNudge', () => {
  it('leads with the cap in the user currency on the exchange over it; nothing elsewhere', () => {
    const reason = exchangeBalanceNudge({ state, prices, readings, exchangeId: 'binance', level: 'ok' });
    expect(reason).toMatchObject({ kind: 'over-cap', currency: 'SEK', cap: 10_000 });
    expect(reason?.kind === 'over-cap' && reason.value).toBeCloseTo(20_000, 6);
    expect(exchangeBalanceNudge({ state, prices, readings, exchangeId: 'coinbase', level: 'danger' })).toBeUndefined();
    expect(exchangeBalanceNudge({ state, prices, readings, exchangeId: 'kraken', level: 'caution' })).toMatchObject({ kind: 'risky-exchange', level: 'caution' });
  });
});

describe('address readings', () => {
  it('groups addresses per chain, every table chain when none is named, without duplicates', () => {
    const byChain = addressesByChain([
      { id: 'a', address: '0x000000000000000000000000000000000000dEaD', chainIds: [1] },
      { id: 'b', address: '0x000000000000000000000000000000000000dead', chainIds: [1, 8453] },
      { id: 'c', address: '0x0000000000000000000000000000000000000001', chainIds: [] },
    ]);
    expect(byChain.get(1)).toEqual(['0x000000000000000000000000000000000000dEaD', '0x0000000000000000000000000000000000000001']);
    expect([...byChain.keys()].sort((x, y) => x - y)).toEqual([1, 137, 8453, 42161]);
  });

  it('stores a read result, dropping an absurd amount and marking the chain incomplete', () => {
    const reading = chainReadingFrom({
      chainId: 1,
      complete: true,
      blockNumber: '99',
      balances: [],
      positions: [
        { custodian: 'self', asset: 'ETH', amount: 1.5 },
        { custodian: 'self', asset: 'SCAM', amount: 1e30 },
      ],
      rpcRequests: 3,
      naiveRequests: 10,
    });
    expect(reading).toEqual({ chainId: 1, blockNumber: '99', complete: false, positions: [{ custodian: 'self', asset: 'ETH', amount: 1.5 }], rpcRequests: 3, naiveRequests: 10 });
    expect(parseAddressReadings({ readAt: 1, chains: [reading] })).toEqual({ readAt: 1, chains: [reading] });
    expect(parseAddressReadings({ readAt: 1, chains: [{ ...reading, positions: [{ custodian: 'binance', asset: 'ETH', amount: 1 }] }] })).toBeNull();
  });
});
