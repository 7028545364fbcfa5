import { describe, expect, it } from 'vitest';
import type { AddressReadings } from './address-readings';
import { parseHoldingsState, type HoldingsState } from './model';
import type { PriceTable } from './prices';
import { historyShare, holdingsOverview, holdingsSummary } from './summary';

/** A watched address nobody has read yet is an unknown, never a self-custody balance of 0. */

const asOf = '2026-11-25T09:00:00.000Z';
const prices: PriceTable = { fetchedAt: 1, prices: { ETH: { usd: 2000, asOf, source: 'https://coins.llama.fi/prices' } }, fiat: {} };
const watched = [{ id: 'w', address: '0x000000000000000000000000000000000000dEaD', chainIds: [1] }];
const unreadable: AddressReadings = { readAt: 5, chains: [{ chainId: 1, complete: false, positions: [], error: 'no-endpoint' }] };
const binanceEth = { id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: 0 };
const stateOf = (holdings: unknown[]): HoldingsState => {
  const state = parseHoldingsState({ holdings, addresses: watched, history: [] });
  if (state.addresses.length !== 1) throw new Error('the fixture does not parse');
  return state;
};

describe('an unread watched address', () => {
  it('alone: self custody is unknown, not 0, and no share is made up', () => {
    for (const readings of [null, unreadable]) {
      const overview = holdingsOverview({ state: stateOf([]), prices, readings });
      expect(overview.self.unknownPositions).toBe(1);
      expect(overview.self.share).toBeNull();
      expect(historyShare(overview, Date.parse(asOf))).toBeNull();
      expect(holdingsSummary(overview, [], Date.parse(asOf))).toMatchObject({ selfShare: null, complete: false });
    }
  });

  it('beside a valued exchange holding: self custody is unknown, so no share is known, while the exchange keeps its value', () => {
    const overview = holdingsOverview({ state: stateOf([binanceEth]), prices, readings: null });
    expect(overview.self.unknownPositions).toBe(1);
    expect(overview.self.share).toBeNull();
    expect(overview.exchanges).toMatchObject([{ custodian: 'binance', value: 2000, share: null, unknownPositions: 0 }]);
    expect(holdingsSummary(overview, [], Date.parse(asOf))?.selfShare).toBeNull();
  });

  it('beside a valued self holding: self custody is at least that value, its share of what could be valued', () => {
    const own = { ...binanceEth, id: 'b', custodian: 'self' };
    const overview = holdingsOverview({ state: stateOf([own, binanceEth]), prices, readings: null });
    expect(overview.self).toMatchObject({ value: 2000, share: 0.5, unknownPositions: 1 });
    expect(overview.exchanges).toMatchObject([{ custodian: 'binance', share: 0.5 }]);
  });

  it('read in full: nothing unknown', () => {
    const read: AddressReadings = { readAt: 5, chains: [{ chainId: 1, blockNumber: '1', complete: true, positions: [{ custodian: 'self', asset: 'ETH', amount: 1 }] }] };
    const overview = holdingsOverview({ state: stateOf([binanceEth]), prices, readings: read });
    expect(overview.self).toMatchObject({ value: 2000, share: 0.5, unknownPositions: 0 });
  });
});
