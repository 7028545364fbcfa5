import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTestClient, http } from 'viem';
import background from './index';
import { pricedSymbols, readBalances, recordHistory, refreshPrices, REMINDER_ALARM, scheduleReminder, showReminder, summaryForPopup } from './holdings';
import { defillamaPricesUrl } from '@/lib/holdings/prices';
import { NO_ENDPOINT } from '@/lib/holdings/address-readings';
import { getAddressReadings, getHoldings, getPriceTable, priceStatusItem, saveHoldingsEdit } from '@/utils/holdings';
import { parseHoldingsState } from '@/lib/holdings/model';
import { markNudgeShown, updateSettings } from '@/utils/settings';
import { deployMulticall3, startAnvil, type LocalChain } from '@/lib/chain/test-anvil';
import type { TabState } from '@/lib/view/exchange-view';
import { translateFrom } from '@/utils/i18n';
import * as turns from '@/utils/in-turn';
import { holdRead } from './background.testkit';

const root = join(import.meta.dirname, '../..');
const coins = readFileSync(join(root, 'tests/fixtures/coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8');
const ecb = readFileSync(join(root, 'tests/fixtures/ecb/eurofxref-daily-2019-06-13.xml'), 'utf8');
// Every priced asset, whatever the user holds: the request says nothing about the user.
const COINS_URL = defillamaPricesUrl({ symbols: pricedSymbols });
const ECB_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';
const NOW = Date.parse('2026-11-25T10:00:00Z');

const holding = (id: string, custodian: string, amount: number) => ({ id, kind: 'asset', custodian, asset: 'ETH', amount, updatedAt: NOW });

function fakeFetch(answers: Record<string, () => Response>) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: string) => {
    calls.push(input);
    const answer = answers[input];
    return answer === undefined ? new Response('not found', { status: 404 }) : answer();
  });
  return { fetch, calls };
}

/** The options page: the holdings requests answer extension pages only. */
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
async function send<T>(message: unknown, sender: object = self()): Promise<T> {
  const [answer] = (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined)) as T[];
  return answer as T;
}

describe('holdings in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('with nothing recorded, no price or rate request goes out', async () => {
    const { fetch } = fakeFetch({});
    expect((await refreshPrices({ fetch, now: () => NOW })).fetched).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  test('the same two requests whatever is held or the currency; a failure keeps the last good table', async () => {
    expect(COINS_URL).toContain('coingecko:bitcoin,coingecko:cardano,');
    expect(COINS_URL.split(',')).toHaveLength(18);
    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 1)], addresses: [], history: [] } });
    const good = fakeFetch({ [COINS_URL]: () => new Response(coins, { headers: { 'content-type': 'application/json' } }) });
    await refreshPrices({ fetch: good.fetch, now: () => NOW });
    // US dollars and only ETH held: still the full price list and the rate file.
    expect(good.calls).toEqual([COINS_URL, ECB_URL]);
    const table = await getPriceTable();
    expect(table.prices.ETH).toEqual({ usd: 2701.406622981317, asOf: '2026-10-05T05:42:40.000Z', source: COINS_URL, confidence: 0.99 });

    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 1)], addresses: [], history: [], limits: { currency: 'SEK' } } });
    const withRates = fakeFetch({ [COINS_URL]: () => new Response(coins), [ECB_URL]: () => new Response(ecb, { headers: { 'content-type': 'text/xml' } }) });
    await refreshPrices({ fetch: withRates.fetch, now: () => NOW });
    expect(withRates.calls).toEqual([COINS_URL, ECB_URL]);
    expect((await getPriceTable()).fiat.SEK?.usd).toBeCloseTo(1.1289 / 10.6968, 12);

    const broken = fakeFetch({ [COINS_URL]: () => new Response('{"coins": [1, 2]}'), [ECB_URL]: () => new Response('down', { status: 503 }) });
    const result = await refreshPrices({ fetch: broken.fetch, now: () => NOW + 3_600_000 });
    expect(result.status.lastPriceProblem).toBe('not-a-price-list');
    expect(result.status.lastRatesFetchFailure).toEqual({ reason: 'http', host: new URL(ECB_URL).host, status: 503 });
    expect(result.status.lastRatesProblem).toBeUndefined();
    const kept = await getPriceTable();
    expect(kept.prices.ETH?.usd).toBe(2701.406622981317);
    expect(kept.fiat.SEK).toBeDefined();
    expect(await priceStatusItem.getValue()).toEqual(result.status);
  });

  test('a good price answer drops the stored entries of coins no longer held or no longer asked for; a held coin the answer left out keeps its last price', async () => {
    // Entries from earlier answers; their figures are never summed or shown here, only which coins stay matters.
    const earlier = (coin: string) => ({ usd: 1, asOf: '2026-07-01T00:00:00.000Z', source: `https://coins.llama.fi/prices/current/coingecko:${coin}` });
    // LTC and WETH are asked for but missing from the recorded answer; MATIC (Polygon's old token, now POL) is not asked for at all.
    const stored = { fetchedAt: Date.parse('2026-07-01T00:00:00Z'), prices: { LTC: earlier('litecoin'), WETH: earlier('weth'), MATIC: earlier('matic-network') } };
    const answer = () => fakeFetch({ [COINS_URL]: () => new Response(coins, { headers: { 'content-type': 'application/json' } }) }).fetch;
    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 1)], addresses: [], history: [] }, priceTable: stored });
    await refreshPrices({ fetch: answer(), now: () => NOW });
    expect(Object.keys((await getPriceTable()).prices)).toEqual(['ETH']);

    // Held LTC on an exchange and WETH read at a watched address: their last prices still value them (and are called old).
    const watched = { id: 'w', address: '0x000000000000000000000000000000000000dEaD', chainIds: [1] };
    const readings = { readAt: NOW, chains: [{ chainId: 1, blockNumber: '1', complete: true, positions: [{ custodian: 'self', asset: 'WETH', amount: 1 }] }] };
    const ltc = { ...holding('b', 'kraken', 2), asset: 'LTC' };
    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 1), ltc], addresses: [watched], history: [] }, priceTable: stored, addressReadings: readings });
    await refreshPrices({ fetch: answer(), now: () => NOW });
    expect(Object.keys((await getPriceTable()).prices).sort()).toEqual(['ETH', 'LTC', 'WETH']);
    expect((await getPriceTable()).prices.LTC).toEqual(stored.prices.LTC);
  });

  test('a failed price answer removes nothing, not even the entry of a coin no longer held', async () => {
    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 1)], addresses: [], history: [] } });
    const good = fakeFetch({ [COINS_URL]: () => new Response(coins, { headers: { 'content-type': 'application/json' } }) });
    await refreshPrices({ fetch: good.fetch, now: () => NOW });
    const before = await getPriceTable();
    expect(Object.keys(before.prices)).toEqual(['ETH']);
    // ETH sold: only US dollars held now, and the price request answers 503, then with a list where the map should be.
    await fakeBrowser.storage.local.set({ holdings: { holdings: [{ id: 'c', kind: 'fiat', custodian: 'self', currency: 'USD', value: 5, updatedAt: NOW }], addresses: [], history: [] } });
    for (const failing of [() => new Response('down', { status: 503 }), () => new Response('{"coins": [1, 2]}')]) {
      const result = await refreshPrices({ fetch: fakeFetch({ [COINS_URL]: failing }).fetch, now: () => NOW + 3_600_000 });
      expect(result.fetched).toBe(true);
      expect(await getPriceTable()).toEqual(before);
    }
  });

  test('the popup’s summary calls prices old by the clock when it is asked for', async () => {
    // 1 ETH held yourself and 3 at Binance, valued with the recorded answer, whose ETH price is dated 5 Oct 2026, 05:42:40 UTC.
    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 3), holding('b', 'self', 1)], addresses: [], history: [] } });
    const asOf = '2026-10-05T05:42:40.000Z';
    const answer = fakeFetch({ [COINS_URL]: () => new Response(coins, { headers: { 'content-type': 'application/json' } }) });
    await refreshPrices({ fetch: answer.fetch, now: () => Date.parse('2026-10-05T10:00:00Z') });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse(asOf) + 2 * 86_400_000);
      expect(await summaryForPopup()).toEqual({ selfShare: 0.25, complete: true, history: [] });
      vi.setSystemTime(Date.parse(asOf) + 2 * 86_400_000 + 1);
      expect((await summaryForPopup())?.oldPricesAsOf).toBe(asOf);
    } finally {
      vi.useRealTimers();
    }
  });

  test('one history point per day, following edits during the day; null when something could not be valued', async () => {
    await fakeBrowser.storage.local.set({
      holdings: { holdings: [holding('a', 'binance', 3), holding('b', 'self', 1)], addresses: [], history: [] },
      priceTable: { fetchedAt: NOW, prices: { ETH: { usd: 2000, asOf: '2026-11-25T09:00:00.000Z', source: COINS_URL } } },
    });
    expect(await recordHistory(NOW)).toBe(true);
    expect(await recordHistory(NOW + 60_000)).toBe(false);
    const state = await getHoldings();
    await fakeBrowser.storage.local.set({ holdings: { ...state, holdings: [holding('a', 'binance', 1), holding('b', 'self', 1)] } });
    expect(await recordHistory(NOW + 120_000)).toBe(true);
    expect((await getHoldings()).history).toEqual([{ day: '2026-11-25', selfShare: 0.5 }]);
    // Prices gone the next day: that day is unknown, and a same-day gap does not erase a good point.
    await fakeBrowser.storage.local.set({ priceTable: { fetchedAt: NOW, prices: {} } });
    expect(await recordHistory(NOW + 60_000)).toBe(false);
    expect(await recordHistory(NOW + 86_400_000)).toBe(true);
    expect((await getHoldings()).history).toEqual([
      { day: '2026-11-25', selfShare: 0.5 },
      { day: '2026-11-26', selfShare: null },
    ]);
  });

  test('a share valued on prices more than two days old makes no point: the day is a gap, not a step in the line', async () => {
    // 1 ETH held yourself and 3 at Binance, valued with the recorded answer, whose ETH price is dated 5 Oct 2026.
    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 3), holding('b', 'self', 1)], addresses: [], history: [] } });
    const answer = fakeFetch({ [COINS_URL]: () => new Response(coins, { headers: { 'content-type': 'application/json' } }) });
    const fresh = Date.parse('2026-10-05T10:00:00Z');
    await refreshPrices({ fetch: answer.fetch, now: () => fresh });
    expect(await recordHistory(fresh)).toBe(true);
    // The same table two months on (no newer answer came): that day is recorded as one with no share.
    expect(await recordHistory(NOW)).toBe(true);
    expect((await getHoldings()).history).toEqual([
      { day: '2026-10-05', selfShare: 0.25 },
      { day: '2026-11-25', selfShare: null },
    ]);
    // Nor does an old valuation later in a day replace a point made on recent prices.
    await fakeBrowser.storage.local.set({ holdings: { ...(await getHoldings()), history: [{ day: '2026-11-25', selfShare: 0.4 }] } });
    expect(await recordHistory(NOW + 60_000)).toBe(false);
    expect((await getHoldings()).history).toEqual([{ day: '2026-11-25', selfShare: 0.4 }]);
  });

  test('an edit saved in the options page while the background records the day’s point: both stay', async () => {
    await fakeBrowser.storage.local.set({
      holdings: { holdings: [holding('a', 'binance', 3), holding('b', 'self', 1)], addresses: [], history: [] },
      priceTable: { fetchedAt: NOW, prices: { ETH: { usd: 2000, asOf: '2026-11-25T09:00:00.000Z', source: COINS_URL } } },
    });
    // The page's read of the holdings answers late (a busy browser): the background records meanwhile.
    const { reached, open } = holdRead('holdings');
    const updates = vi.spyOn(turns, 'updateItem');
    const edited = parseHoldingsState({ holdings: [holding('a', 'binance', 5), holding('b', 'self', 1)], addresses: [], history: [] });
    const both = Promise.all([saveHoldingsEdit(edited), recordHistory(NOW)]);
    // The page's read is held, and the background has asked to change the holdings too.
    await vi.waitFor(() => expect([reached(), updates.mock.calls.filter(([item]) => item.key === 'local:holdings').length]).toEqual([true, 2]));
    open();
    await both;
    const stored = await getHoldings();
    expect(stored.holdings.map((each) => each.kind === 'asset' && each.amount)).toEqual([5, 1]);
    expect(stored.history).toEqual([{ day: '2026-11-25', selfShare: 1 / 6 }]);
  });

  test('reminders: none without the notifications permission; with it, one alarm and a plain notification', async () => {
    await fakeBrowser.storage.local.set({ settings: { reminders: { monthlyDay: 1, proofOfKeysDay: true } } });
    expect(await scheduleReminder(NOW)).toBeNull();
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    const at = await scheduleReminder(NOW);
    expect(at).not.toBeNull();
    // 1 December comes before 3 January.
    expect(new Date(at!).getUTCMonth()).toBe(11);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(at);
    await showReminder();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([REMINDER_ALARM]);
    vi.restoreAllMocks();
  });
});

describe('messages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  test('the pill on an exchange over its cap gets the balance message; another exchange does not', async () => {
    await fakeBrowser.storage.local.set({
      holdings: { holdings: [holding('a', 'binance', 2), holding('b', 'self', 1)], addresses: [], history: [], limits: { exchanges: { binance: { cap: 2000 } } } },
      priceTable: { fetchedAt: NOW, prices: { ETH: { usd: 2100, asOf: '2026-11-25T09:00:00.000Z', source: COINS_URL } } },
    });
    // The browser's own lookup, for the "auto" language: the English file.
    const en = (await import('@/public/_locales/en/messages.json')).default as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) => translateFrom(en)(key as never, subs)) as never);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    const state = await send<TabState>({ type: 'page-state' }, { ...self(), tab: { id: 7 }, url: 'https://www.binance.com/en/trade' });
    // The exchange's page sits beside the pill: the reply says which limit, never a figure.
    expect(state.kind === 'exchange' && state.balanceNudge).toEqual({ kind: 'over-cap', text: 'You keep more here than your own limit' });
    expect(JSON.stringify(state)).not.toMatch(/4,?200|2,?000/);
    const other = await send<TabState>({ type: 'page-state' }, { ...self(), tab: { id: 8 }, url: 'https://www.kraken.com/' });
    expect(other.kind === 'exchange' && other.balanceNudge).toBeUndefined();
    expect(await send({ type: 'holdings-summary' })).toMatchObject({ selfShare: 1 / 3, complete: true });
    // The background holds the values in memory; a change in storage reaches the next answer.
    await fakeBrowser.storage.local.set({
      holdings: { holdings: [holding('a', 'binance', 2), holding('b', 'self', 1)], addresses: [], history: [], limits: { exchanges: { binance: { cap: 5000 } } } },
    });
    const raised = await send<TabState>({ type: 'page-state' }, { ...self(), tab: { id: 7 }, url: 'https://www.binance.com/en/trade' });
    expect(raised.kind).toBe('exchange');
    // Under the cap the over-cap message goes; what remains is the exchange's own verdict, which
    // still leads when the known figures show caution or worse (complete or not).
    const level = raised.kind === 'exchange' ? raised.view.verdict.level : undefined;
    const risky = level === 'caution' || level === 'danger';
    expect(raised.kind === 'exchange' && raised.balanceNudge?.kind).toEqual(risky ? 'risky-exchange' : undefined);
    vi.restoreAllMocks();
  });

  test('delete everything empties local storage', async () => {
    await fakeBrowser.storage.local.set({ holdings: { holdings: [holding('a', 'binance', 2)], addresses: [], history: [] }, settings: { nudgePolicy: 'daily' }, addressBook: [{ x: 1 }] });
    await send({ type: 'delete-all-data' });
    const left = await fakeBrowser.storage.local.get(null);
    expect([left.holdings, left.settings, left.addressBook, left.priceTable]).toEqual([undefined, undefined, undefined, undefined]);
    expect(await send({ type: 'holdings-summary' })).toBeNull();
  });

  test('a change asked just before delete everything does not bring the old values back after it', async () => {
    await fakeBrowser.storage.local.set({ settings: { nudgePolicy: 'daily', rpcUrl: 'https://rpc.example.org' }, nudgeSeen: { binance: 1 } });
    // The change's read of the settings answers late (a busy browser), after the delete was asked.
    const { reached, open } = holdRead('settings');
    // The delete is asked here, at once, as the message arrives.
    const all = Promise.all([updateSettings({ corner: 'top-left' }), markNudgeShown('kraken', 2), send({ type: 'delete-all-data' })]);
    await vi.waitFor(() => expect(reached()).toBe(true));
    open();
    await all;
    const left = await fakeBrowser.storage.local.get(null);
    expect([left.settings, left.nudgeSeen]).toEqual([undefined, undefined]);
  });
});

describe('watched addresses on a real anvil node', () => {
  let chain: LocalChain;
  const watched = '0x00000000000000000000000000000000005E1f01';
  beforeAll(async () => {
    chain = await startAnvil();
    await deployMulticall3(chain.url);
    await createTestClient({ mode: 'anvil', transport: http(chain.url) }).setBalance({ address: watched, value: 1_500_000_000_000_000_000n });
  }, 60_000);
  afterAll(async () => {
    await chain?.stop();
  });
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('reads through the RPC set in settings, stores positions with block and date', async () => {
    expect(await readBalances()).toEqual({ ok: false, reason: 'no-rpc' });
    await fakeBrowser.storage.local.set({
      settings: { rpcUrl: chain.url },
      holdings: { holdings: [], addresses: [{ id: 'w', address: watched, chainIds: [31337] }], history: [] },
    });
    const result = await readBalances({ now: () => NOW });
    expect(result.ok).toBe(true);
    const stored = await getAddressReadings();
    expect(stored?.readAt).toBe(NOW);
    expect(stored?.chains[0]).toMatchObject({ chainId: 31337, complete: true, positions: [{ custodian: 'self', asset: 'ETH', amount: 1.5 }] });
    expect(stored?.chains[0]?.blockNumber).toMatch(/^\d+$/);
    // chainId, blockNumber, one Multicall3 request.
    expect(stored?.chains[0]?.rpcRequests).toBe(3);
  });

  test("a chain's own endpoint is used; a chain with none is not asked and stays unknown", async () => {
    await fakeBrowser.storage.local.set({
      settings: { chainRpcUrls: { '31337': chain.url } },
      holdings: { holdings: [], addresses: [{ id: 'w', address: watched, chainIds: [31337, 8453] }], history: [] },
    });
    const result = await readBalances({ now: () => NOW });
    expect(result.ok).toBe(true);
    const stored = await getAddressReadings();
    expect(stored?.chains.find((c) => c.chainId === 31337)).toMatchObject({ complete: true, positions: [{ asset: 'ETH', amount: 1.5 }] });
    expect(stored?.chains.find((c) => c.chainId === 8453)).toEqual({ chainId: 8453, complete: false, positions: [], error: NO_ENDPOINT });
  });
});
